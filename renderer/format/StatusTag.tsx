// Coloured labels for the statuses clerks scan for: red is what needs doing.
import { Pill, type PillColor } from './Pill';

const COLORS: Record<string, PillColor> = {
  考核合格: 'green',
  已培训: 'orange',
  未培训: 'red',
  在岗: 'green',
  离岗: 'default',
  已完成: 'green',
  进行中: 'blue',
  未开始: 'default',
  已逾期: 'red',
  履行中: 'blue',
  已验收: 'green',
  已终止: 'default',
  合格: 'green',
  不合格: 'red',
  整改后合格: 'gold',
  草稿: 'orange',
  已上报: 'green',
  已发放: 'green',
  未划分: 'default',
  已划分: 'blue',
  管理员: 'red',
  录入员: 'blue',
  只读: 'default',
};

export function StatusTag({ value }: { value: string | null | undefined }) {
  if (!value) return null;
  return <Pill color={COLORS[value] ?? 'default'}>{value}</Pill>;
}
