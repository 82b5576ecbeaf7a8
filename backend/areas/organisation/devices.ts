// Devices and accounts handed to people (PAD, 系统账号): who holds what since when, and its return.
// One device (kind + 编号/账号) is with one holder at a time; a return date never precedes the
// hand-over. The dashboard counts those still out with people who have left (devices_view).
import { deviceCreate } from '../../../core/schemas/organisation';
import { SETTLED_DEVICE_STATES } from '../../../core/organisation';
import { deviceDef } from '../../../db/entities/fieldwork';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import { crudServices, type Values } from '../crud';

const pick = (key: string, values: Values, existing?: Values) => (key in values ? values[key] : existing?.[key]);

function checkHandOver(values: Values, ctx: HandlerCtx, existing?: Values) {
  const handed = pick('handedDate', values, existing) as string;
  const returned = pick('returnedDate', values, existing) as string | null;
  if (returned && returned < handed) {
    const message = `归还日期（${returned}）不能早于发放日期（${handed}）`;
    throw new UserError('INVALID_INPUT', message, [{ path: 'returnedDate', message }]);
  }
  const state = pick('state', values, existing) as string;
  if (!returned && !SETTLED_DEVICE_STATES.includes(state)) {
    const kind = pick('kind', values, existing) as string;
    const identifier = pick('identifier', values, existing) as string;
    const holder = ctx.db
      .prepare(
        `SELECT person_name AS name, handed_date AS handed FROM devices_view
         WHERE kind = ? AND identifier = ? AND is_out = 1 AND id <> ? LIMIT 1`,
      )
      .get(kind, identifier, (existing?.id as number | undefined) ?? 0) as
      { name: string | null; handed: string } | undefined;
    if (holder) {
      const message = `${kind}“${identifier}”已于${holder.handed}发放给${holder.name ?? '他人'}且未归还，请先登记归还`;
      throw new UserError('INVALID_INPUT', message, [{ path: 'identifier', message }]);
    }
  }
  return values;
}

export const devices = crudServices<'device'>(deviceDef, deviceCreate, { prepare: checkHandOver });
