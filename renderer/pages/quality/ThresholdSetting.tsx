// The office's 差错率上限 (%), beside the quality records it judges: 录入员 and 管理员 change it here.
import { useEffect, useState } from 'react';
import { Button, InputNumber, Space } from 'antd';
import { call } from '../../api/call';
import { useRead } from '../../api/useRecord';
import { toast } from '../../app/feedback';
import { canWrite, useSession } from '../../stores/session';

export function ThresholdSetting() {
  const writer = canWrite(useSession((s) => s.operator));
  const { data, reload } = useRead('quality.settings', {});
  const [value, setValue] = useState<number | null>(null);
  useEffect(() => setValue(data?.errorRateThreshold ?? null), [data]);
  const save = async () => {
    if (value === null) return toast.error('请填写差错率上限');
    const r = await call('quality.saveSettings', { errorRateThreshold: value });
    if (!r.ok) return toast.error(r.error.message);
    toast.success('已保存差错率上限');
    reload();
  };
  return (
    <Space size={4} data-testid="quality-threshold">
      <span>差错率上限</span>
      <InputNumber
        aria-label="差错率上限（%）"
        min={0}
        max={100}
        step={0.5}
        style={{ width: 90 }}
        suffix="%"
        disabled={!writer}
        value={value}
        onChange={(v) => setValue(typeof v === 'number' ? v : null)}
      />
      {writer && value !== (data?.errorRateThreshold ?? null) && <Button onClick={() => void save()}>保存</Button>}
    </Space>
  );
}
