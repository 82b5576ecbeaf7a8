// 档案登记: plain entity services with the one cross-field rule (handed over no earlier than filed;
// a 移交日期 names whom to).
import { archiveCreate } from '../../../core/schemas/archive';
import { archiveDef } from '../../../db/entities/archive';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import { crudServices, type Values } from '../crud';

function checkArchive(values: Values, _ctx: HandlerCtx, existing?: Values): Values {
  const get = (k: string) => (k in values ? values[k] : existing?.[k]) as string | null | undefined;
  const filed = get('filedDate');
  const transfer = get('transferDate');
  const refuse = (path: string, message: string): never => {
    throw new UserError('INVALID_INPUT', message, [{ path, message }]);
  };
  if (filed && transfer && transfer < filed) refuse('transferDate', '移交日期不能早于归档日期');
  if (transfer && !get('transferTo')) refuse('transferTo', '填写移交日期时须填写接收单位（人）');
  return values;
}

export const archives = crudServices<'archive'>(archiveDef, archiveCreate, { prepare: checkArchive });
