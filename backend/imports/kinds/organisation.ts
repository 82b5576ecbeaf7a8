// 组织与宣传 imports (docs/spec/fieldwork-and-organisation.md): the 领导小组 / 成员单位 list, a
// member known by unit and name, and the publicity log, an item known by date and title. Both
// are one row → one record through the area's own services, like entity.ts, with a two-column key.
import type { z } from 'zod';
import type { ImportField } from '../../../core/imports/types';
import type { ImportKind } from '../../../core/imports/kinds';
import { groupMemberFields, publicityFields } from '../../../core/imports/fields/organisation';
import { groupMemberCreate, publicityCreate } from '../../../core/schemas/organisation';
import { requireRecord, type EntityDef } from '../../../db/entity';
import { groupMemberDef, publicityDef } from '../../../db/entities/fieldwork';
import { groupMembers, publicity } from '../../areas/organisation/registers';
import { diff, errorRow, labelIn, parseWith, patchOf, SeenKeys } from './common';
import { handlerSteps, type RecordPlan, type RecordWrite } from './handlerSteps';
import type { CheckedRow, ImportEnv, KindImporter, MappedRow } from './types';

type Values = Record<string, unknown>;
type Plan = RecordPlan<Values, Values>;

interface KeyedSpec {
  kind: ImportKind;
  fields: readonly ImportField[];
  schema: z.ZodObject;
  def: EntityDef;
  write: RecordWrite;
  /** The fields that together identify a record, with their columns. */
  key: { field: string; column: string }[];
}

function keyedImporter(spec: KeyedSpec): KindImporter {
  const label = labelIn(spec.fields);
  const fieldOf = (path: string) => (spec.fields.some((f) => f.key === path) ? path : null);
  const keyLabel = spec.key.map((k) => label(k.field)).join('和');

  function begin(env: ImportEnv) {
    const find = env.db
      .prepare(`SELECT id FROM ${spec.def.table} WHERE ${spec.key.map((k) => `${k.column} = ?`).join(' AND ')}`)
      .pluck();
    const seen = new SeenKeys();

    function check(row: MappedRow): CheckedRow {
      const { data, issues } = parseWith(spec.schema, row.input, row, fieldOf);
      if (!data) return errorRow(row.row, issues);
      const keyValues = spec.key.map((k) => (data as Values)[k.field]);
      const prev = seen.claim(JSON.stringify(keyValues), row.row);
      if (prev !== null) return errorRow(row.row, [{ field: null, message: `与第${prev}行重复：${keyLabel}相同` }]);
      const id = find.get(...keyValues) as number | undefined;
      if (id === undefined) {
        const plan: Plan = { id: null, data: data as Values };
        return { row: row.row, action: 'new', errors: [], values: data as Values, changes: [], plan };
      }
      const patch = patchOf(data as Values, Object.keys(row.input));
      for (const k of spec.key) delete patch[k.field];
      const changes = diff(requireRecord(env.db, spec.def, id), patch, label);
      const plan: Plan = { id, data: patch };
      const action = changes.length ? 'update' : 'unchanged';
      return { row: row.row, action, errors: [], values: data as Values, changes, plan };
    }

    const steps = (rows: CheckedRow[], onExisting: 'update' | 'skip') =>
      handlerSteps(rows, onExisting, spec.write, fieldOf);
    return { check, steps };
  }
  return { kind: spec.kind, fields: spec.fields, begin };
}

export const groupMemberImporter = keyedImporter({
  kind: 'groupMember',
  fields: groupMemberFields,
  schema: groupMemberCreate,
  def: groupMemberDef,
  write: groupMembers,
  key: [
    { field: 'unit', column: 'unit' },
    { field: 'name', column: 'name' },
  ],
});

export const publicityImporter = keyedImporter({
  kind: 'publicity',
  fields: publicityFields,
  schema: publicityCreate,
  def: publicityDef,
  write: publicity,
  key: [
    { field: 'date', column: 'date' },
    { field: 'title', column: 'title' },
  ],
});
