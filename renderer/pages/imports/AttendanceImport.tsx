// 培训管理 → a session → 导入签到与考核 (#/training/<id>/import): the shared import flow for the
// attendance sheet of one session. The session page renders it when the route table says so.
import { ImportFlow } from './ImportFlow';

export function AttendanceImport({
  trainingId,
  name,
  onCommitted,
}: {
  trainingId: number;
  name: string;
  onCommitted: () => void;
}) {
  return (
    <ImportFlow
      target={{ kind: 'attendance', trainingId }}
      title={`导入签到与考核：${name}`}
      onCommitted={onCommitted}
    />
  );
}
