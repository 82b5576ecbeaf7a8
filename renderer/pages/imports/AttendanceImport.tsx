// 培训管理 → a session → 导入签到与考核 (#/training/<id>/import): the shared import flow for the
// attendance sheet of one session. The session page renders it when its route says so.
import { useRoute } from '../../router/route';
import { ImportFlow } from './ImportFlow';
import { importTargetOf, type ImportTarget } from './importTargets';

/** The import the current route names, or null. */
export function useImportTarget(): ImportTarget | null {
  return importTargetOf(useRoute((r) => r.path));
}

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
