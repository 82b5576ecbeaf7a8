// 人员管理 → 导入 (#/people/import): the shared import flow for the roster.
import { ImportFlow } from '../imports/ImportFlow';

export function ImportPage() {
  return <ImportFlow target={{ kind: 'person' }} />;
}
