// The 设备与账号 register imported from Excel (docs/spec/fieldwork-and-organisation.md §5): a row is a
// hand-over, its holder found on the roster by 人员编号, a complete 公民身份号码 or a name only one
// roster person has. A row is keyed on 类别 + 编号/账号: the latest hand-over of that device to the
// same holder is updated (its dates, state, note); to another holder it is a new hand-over, which
// device.create refuses while the device is still out (one holder at a time).
import { deviceFields } from '../../../core/imports/fields/organisation';
import { deviceCreate } from '../../../core/schemas/organisation';
import { normalizeCode, normalizeText } from '../../../core/text';
import { otherIdForm } from '../../../core/validate/idNumber';
import { requireRecord } from '../../../db/entity';
import { deviceDef } from '../../../db/entities/fieldwork';
import { devices } from '../../areas/organisation/devices';
import { diff, errorRow, labelIn, parseWith, patchOf, SeenKeys } from './common';
import { handlerSteps, type RecordPlan } from './handlerSteps';
import type { CheckedRow, ImportEnv, KindImporter, MappedRow } from './types';

type Values = Record<string, unknown>;
type Plan = RecordPlan<Values, Values>;
type Holder = { id: number; name: string };

const fieldKeys = new Set(deviceFields.map((f) => f.key));
/** The schema's personId is the holder: its faults belong to whichever column named them. */
const fieldOf = (path: string) => (path === 'personId' ? 'personName' : fieldKeys.has(path) ? path : null);
const label = labelIn(deviceFields);
const HOLDER_FIELDS = ['personName', 'idNumber', 'personCode'];

function begin(env: ImportEnv) {
  const { db } = env;
  // A 15-digit ID and its 18-digit form are one person (core/validate/idNumber.ts).
  const byIdNumber = db.prepare('SELECT id, name FROM people WHERE id_number IN (?, ?) ORDER BY id_number = ? DESC');
  const byCode = db.prepare('SELECT id, name FROM people WHERE person_code = ?');
  const byName = db.prepare('SELECT id, name FROM people WHERE name = ?');
  const latest = db
    .prepare('SELECT id, person_id FROM devices WHERE kind = ? AND identifier = ? ORDER BY handed_date DESC, id DESC')
    .raw();
  const seen = new SeenKeys();

  /** The roster person the row names, or the reason it names none (a message naming the row). */
  function holder(row: MappedRow): Holder | { field: string; message: string } {
    const at = `第${row.row}行`;
    const text = (k: string) => (row.input[k] === undefined ? '' : String(row.input[k]));
    const name = normalizeText(text('personName'));
    const code = normalizeCode(text('personCode'));
    const id = normalizeCode(text('idNumber')).toUpperCase();
    let hit: Holder | undefined;
    let field = 'personName';
    if (code) {
      field = 'personCode';
      hit = byCode.get(code) as Holder | undefined;
      if (!hit) return { field, message: `${at}：花名册中没有人员编号为“${code}”的人员` };
    } else if (id) {
      field = 'idNumber';
      if (!/^\d{17}[\dX]$|^\d{15}$/.test(id)) {
        return { field, message: `${at}：公民身份号码“${id}”不完整，请填写完整的号码或人员编号` };
      }
      hit = byIdNumber.get(id, otherIdForm(id) ?? id, id) as Holder | undefined;
      if (!hit) return { field, message: `${at}：花名册中没有公民身份号码为“${id}”的人员` };
    } else if (name) {
      const named = byName.all(name) as Holder[];
      if (named.length > 1) {
        return {
          field,
          message: `${at}：花名册中有${named.length}人名为“${name}”，请填写人员编号或公民身份号码以区分`,
        };
      }
      if (!named.length) return { field, message: `${at}：花名册中没有名为“${name}”的人员` };
      return named[0];
    } else {
      return { field, message: `${at}：请填写领用人的人员编号、公民身份号码或姓名` };
    }
    if (field === 'idNumber' && !env.reveal && hit.name !== name) {
      // A caller who may not reveal learns no name from a number: the row must say whose it is.
      const message = name
        ? `${at}：领用人“${name}”与花名册中该公民身份号码的登记人员不符（当前角色无权查看是谁；如需核对，请联系管理员）`
        : `${at}：按公民身份号码指定领用人时，请同时填写领用人姓名（当前角色无权查看号码登记在谁名下），或改填人员编号`;
      return { field: name ? 'personName' : 'idNumber', message };
    }
    if (name && hit.name !== name) {
      return { field: 'personName', message: `${at}：领用人“${name}”与花名册中该号码的姓名“${hit.name}”不符` };
    }
    return hit;
  }

  function check(row: MappedRow): CheckedRow {
    const who = holder(row);
    if ('message' in who) return errorRow(row.row, [who]);
    const input: Values = { personId: who.id };
    for (const [k, v] of Object.entries(row.input)) if (!HOLDER_FIELDS.includes(k)) input[k] = v;
    const { data, issues } = parseWith(deviceCreate, input, row, fieldOf);
    if (!data) return errorRow(row.row, issues);
    const values = { ...(data as Values), personName: who.name };
    const prev = seen.claim(JSON.stringify([data.kind, data.identifier]), row.row);
    if (prev !== null) return errorRow(row.row, [{ field: null, message: `与第${prev}行重复：类别和编号/账号相同` }]);
    const stored = latest.get(data.kind, data.identifier) as [number, number] | undefined;
    if (!stored || stored[1] !== who.id) {
      const plan: Plan = { id: null, data: data as Values };
      return { row: row.row, action: 'new', errors: [], values, changes: [], plan };
    }
    const patch = patchOf(data as Values, Object.keys(row.input));
    for (const k of ['kind', 'identifier', ...HOLDER_FIELDS]) delete patch[k];
    // A sheet without a 状态 column does not set 在用 back on a device reported lost.
    if (!row.mapped.has('state')) delete patch.state;
    const changes = diff(requireRecord(db, deviceDef, stored[0]), patch, label);
    const plan: Plan = { id: stored[0], data: patch };
    return { row: row.row, action: changes.length ? 'update' : 'unchanged', errors: [], values, changes, plan };
  }

  const steps = (rows: CheckedRow[], onExisting: 'update' | 'skip') => handlerSteps(rows, onExisting, devices, fieldOf);
  return { check, steps };
}

export const deviceImporter: KindImporter = { kind: 'device', fields: deviceFields, begin };
