// Operators (操作员): passwords become their hash here and never leave the backend; the last active
// 管理员 can be neither demoted nor switched off. Hashing is slow on purpose (backend/passwords.ts),
// so it is the first, asynchronous phase of the write, off the main thread.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { operatorCreate } from '../../../core/schemas/system';
import { listRecords, requireRecord } from '../../../db/entity';
import { UserError } from '../../../db/errors';
import { countOtherActiveAdmins, operatorDef, setPasswordHash } from '../../../db/entities/system';
import { hashPassword } from '../../passwords';
import { twoPhase } from '../../phases';
import { passwordWeakness } from '../../../core/passwordRule';
import type { HandlerCtx } from '../../context';
import { entityRows, type Values } from '../crud';

type Operator = OutputOf<'operator.create'>;

const rows = entityRows(operatorDef, operatorCreate);

function prepare(ctx: HandlerCtx, values: Values, existing?: Values): Values {
  const { password: _password, ...rest } = values;
  if (existing && existing.role === '管理员' && existing.active === true) {
    const demoted = rest.role !== undefined && rest.role !== '管理员';
    const switchedOff = rest.active === false;
    if ((demoted || switchedOff) && countOtherActiveAdmins(ctx.db, Number(existing.id)) === 0) {
      throw new UserError('LAST_ADMIN', '至少需要保留一名启用的管理员：不能停用最后一名管理员或更改其角色');
    }
  }
  return rest;
}

export const createOperator = twoPhase<'operator.create', string>({
  prepare: (input) => hashPassword(input.password),
  commit: (passwordHash, input, ctx) => {
    const id = rows.insert(ctx, { ...prepare(ctx, input), passwordHash });
    const after = requireRecord(ctx.db, operatorDef, id);
    ctx.audit('create', operatorDef.name, id, null, after);
    return after as Operator;
  },
});

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

export const setOperatorPassword = twoPhase<'operator.setPassword', string>({
  prepare: async (input, ctx) => {
    const operator = requireRecord(ctx.db, operatorDef, input.id);
    const weak = passwordWeakness(input.password, String(operator.name), '新密码');
    if (weak) throw new UserError('INVALID_INPUT', weak, [{ path: 'password', message: weak }]);
    return hashPassword(input.password);
  },
  commit: (passwordHash, input, ctx): OutputOf<'operator.setPassword'> => {
    const operator = requireRecord(ctx.db, operatorDef, input.id);
    setPasswordHash(ctx.db, input.id, passwordHash, ctx.now().toISOString());
    // The audit says that it happened, never what the password is.
    ctx.audit('setPassword', 'operator', input.id, null, { name: operator.name, passwordReset: true });
    return { id: input.id };
  },
});
