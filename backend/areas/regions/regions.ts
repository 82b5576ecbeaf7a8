// Townships, villages and census districts (区划): plain entity services with the rules that tie
// them together (a village's code inside its township's, a district's people holding their role).
import { townshipCreate, villageCreate, districtCreate } from '../../../core/schemas/regions';
import { requireRecord } from '../../../db/entity';
import { townshipDef, villageDef, districtDef } from '../../../db/entities/regions';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import { crudServices, type Values } from '../crud';
import { districtCodeRule } from '../coverage/districtCode';
import { checkTownshipInOffice } from './countyScope';

/** A village's code starts with its township's code (GB/T 2260 / 统计用区划代码). */
function checkVillage(values: Values, ctx: HandlerCtx, existing?: Values) {
  const townshipId = (values.townshipId ?? existing?.townshipId) as number;
  const code = (values.code ?? existing?.code) as string;
  const township = requireRecord(ctx.db, townshipDef, townshipId);
  if (!code.startsWith(String(township.code))) {
    const message = `村（居）代码 ${code} 应以所属乡镇（街道）代码 ${String(township.code)} 开头`;
    throw new UserError('INVALID_INPUT', message, [{ path: 'code', message }]);
  }
  return values;
}

/** The village must lie in the district's township; assigned people must hold the role. */
function checkDistrict(values: Values, ctx: HandlerCtx, existing?: Values) {
  const townshipId = (values.townshipId ?? existing?.townshipId) as number;
  const villageId = ('villageId' in values ? values.villageId : existing?.villageId) as number | null;
  requireRecord(ctx.db, townshipDef, townshipId);
  if (villageId != null) {
    const village = requireRecord(ctx.db, villageDef, villageId);
    if (village.townshipId !== townshipId) {
      const message = `所属村（社区）“${String(village.name)}”不在所选乡镇（街道）内`;
      throw new UserError('INVALID_INPUT', message, [{ path: 'villageId', message }]);
    }
  }
  for (const [key, role] of [
    ['enumeratorIds', '普查员'],
    ['supervisorIds', '普查指导员'],
  ] as const) {
    for (const personId of (values[key] as number[] | undefined) ?? []) {
      const person = ctx.db.prepare('SELECT name FROM people WHERE id = ?').get(personId) as
        { name: string } | undefined;
      if (!person) {
        const message = `${role}不存在（编号 ${personId}）`;
        throw new UserError('BAD_REFERENCE', message, [{ path: key, message }]);
      }
      const holds = ctx.db.prepare('SELECT 1 FROM person_roles WHERE person_id = ? AND role = ?').get(personId, role);
      if (!holds) {
        const message = `${person.name}不是${role}，不能安排为本小区的${role}`;
        throw new UserError('INVALID_INPUT', message, [{ path: key, message }]);
      }
    }
  }
  return values;
}

function writeAssignments(id: number, values: Values, ctx: HandlerCtx) {
  for (const [key, role] of [
    ['enumeratorIds', '普查员'],
    ['supervisorIds', '普查指导员'],
  ] as const) {
    const ids = values[key] as number[] | undefined;
    if (!ids) continue;
    ctx.db.prepare('DELETE FROM district_assignments WHERE district_id = ? AND role = ?').run(id, role);
    const insert = ctx.db.prepare('INSERT INTO district_assignments (district_id, person_id, role) VALUES (?, ?, ?)');
    for (const personId of new Set(ids)) insert.run(id, personId, role);
  }
}

export const townships = crudServices<'township'>(townshipDef, townshipCreate, { prepare: checkTownshipInOffice });
export const villages = crudServices<'village'>(villageDef, villageCreate, { prepare: checkVillage });
export const districts = crudServices<'district'>(districtDef, districtCreate, {
  virtual: ['enumeratorIds', 'supervisorIds'],
  prepare: (values, ctx, existing) => checkDistrict(districtCodeRule(values, ctx, existing), ctx, existing),
  afterWrite: writeAssignments,
});
