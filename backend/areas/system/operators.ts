// Operators (操作员): passwords become their hash here and never leave the backend; the last active
// 管理员 can be neither demoted nor switched off.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { operatorCreate } from '../../../core/schemas/system';
import { listRecords, requireRecord } from '../../../db/entity';
import { UserError } from '../../../db/errors';
import { countOtherActiveAdmins, operatorDef, setPasswordHash } from '../../../db/entities/system';
import { hashPassword } from '../../passwords';
import type { HandlerCtx } from '../../context';
import { entityRows, type Values } from '../crud';

type Operator = OutputOf<'operator.create'>;

const rows = entityRows(operatorDef, operatorCreate);

function prepare(ctx: HandlerCtx, values: Values, existing?: Values): Values {
  const { password, ...rest } = values;
  if (typeof password === 'string') rest.passwordHash = hashPassword(password);
  if (existing && existing.role === '管理员' && existing.active === true) {
    const demoted = rest.role !== undefined && rest.role !== '管理员';
    const switchedOff = rest.active === false;
    if ((demoted || switchedOff) && countOtherActiveAdmins(ctx.db, Number(existing.id)) === 0) {
      throw new UserError('LAST_ADMIN', '至少需要保留一名启用的管理员：不能停用最后一名管理员或更改其角色');
    }
  }
  return rest;
}

export function createOperator(ctx: HandlerCtx, input: ParsedInputOf<'operator.create'>): Operator {
  const id = rows.insert(ctx, prepare(ctx, input));
  const after = requireRecord(ctx.db, operatorDef, id);
  ctx.audit('create', operatorDef.name, id, null, after);
  return after as Operator;
}

export function updateOperator(ctx: HandlerCtx, input: ParsedInputOf<'operator.update'>): Operator {
  const { id, ...patch } = input;
  const before = requireRecord(ctx.db, operatorDef, id);
  rows.update(ctx, id, prepare(ctx, patch, before));
  const after = requireRecord(ctx.db, operatorDef, id);
  ctx.audit('update', operatorDef.name, id, before, after);
  return after as Operator;
}

export const listOperators = (ctx: HandlerCtx, input: ParsedInputOf<'operator.list'>) =>
  listRecords(ctx.db, operatorDef, input) as OutputOf<'operator.list'>;

export function setOperatorPassword(
  ctx: HandlerCtx,
  input: ParsedInputOf<'operator.setPassword'>,
): OutputOf<'operator.setPassword'> {
  const operator = requireRecord(ctx.db, operatorDef, input.id);
  setPasswordHash(ctx.db, input.id, hashPassword(input.password), ctx.now().toISOString());
  // The audit says that it happened, never what the password is.
  ctx.audit('setPassword', 'operator', input.id, null, { name: operator.name, passwordReset: true });
  return { id: input.id };
}
