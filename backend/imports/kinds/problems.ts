// The problem and 督办 ledger, identified by 编号; each row goes through the ledger's own services,
// so its closing rules hold for imported items too.
import { problemCreate } from '../../../core/schemas/problems';
import { problemFields } from '../../../core/imports/fields/problems';
import { problemDef } from '../../../db/entities/quality';
import { problems } from '../../areas/problems/problems';
import { entityImporter } from './entity';

export const problemImporter = entityImporter({
  kind: 'problem',
  fields: problemFields,
  schema: problemCreate,
  def: problemDef,
  write: problems,
  key: { field: 'refNo', column: 'ref_no', label: '编号' },
  load: () => null,
  // 编号 is optional in the form (the next one is given) but the import matches rows by it.
  resolve: (row, input, issues) => {
    if (input.refNo === undefined || input.refNo === null || String(input.refNo).trim() === '')
      issues.push({ field: 'refNo', message: '编号不能为空：导入时按编号匹配台账中已有的事项' });
  },
});
