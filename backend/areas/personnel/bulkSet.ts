// 批量设置 (person.bulkSet): the same 指导员, 乡镇, 保险 or 离岗 set on many people in one
// transaction. Each person passes the same rules as person.update; the first that does not
// refuses the whole batch, naming the person. One audit entry for the batch, then one per person
// changed (only what changed), so every person's history shows it.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { requireRecord } from '../../../db/entity';
import { personDef } from '../../../db/entities/personnel';
import { UserError } from '../../../db/errors';
import type { AuditRecord, HandlerCtx } from '../../context';
import { changedPart } from '../../imports/recordAudit';
import type { Values } from '../crud';
import { writePersonPatch } from './people';

type Changes = ParsedInputOf<'person.bulkSet'>['changes'];

const who = (p: Values) => `${String(p.name)}（${String(p.personCode)}）`;

/** The patch for one person; null when nothing would change. */
function patchFor(before: Values, changes: Changes): Values {
  const patch: Values = {};
  for (const [k, v] of Object.entries(changes)) {
    if (v == null || k === 'leftDate' || k === 'leftReason') continue;
    if (before[k] !== v) patch[k] = v;
  }
  // A village stays only while it is in the person's township.
  if ('townshipId' in patch && before.villageId != null) patch.villageId = null;
  if (changes.leftDate != null) {
    if (before.status === '离岗')
      throw new UserError('ALREADY_LEFT', `${who(before)}已于${String(before.leftDate)}离岗，请取消勾选后再设置`);
    Object.assign(patch, { status: '离岗', leftDate: changes.leftDate, leftReason: changes.leftReason ?? null });
  }
  return patch;
}

/** The person named in a refusal: 「张三（51132100001）：…」, the field's path kept. */
function named(e: unknown, person: Values, index: number): unknown {
  if (!(e instanceof UserError)) return e;
  const message = `第 ${index + 1} 人 ${who(person)}：${e.message}`;
  const issues = e.issues.length
    ? e.issues.map((i) => ({ path: `changes.${i.path}`, message: `${who(person)}：${i.message}` }))
    : [{ path: 'ids', message }];
  return new UserError(e.code, message, issues);
}

export function bulkSetPeople(ctx: HandlerCtx, input: ParsedInputOf<'person.bulkSet'>): OutputOf<'person.bulkSet'> {
  const ids = [...new Set(input.ids)];
  const entries: AuditRecord[] = [];
  let unchanged = 0;
  ids.forEach((id, index) => {
    const before = ctx.db.prepare('SELECT id FROM people WHERE id = ?').get(id)
      ? requireRecord(ctx.db, personDef, id)
      : null;
    if (!before) {
      const message = `第 ${index + 1} 人：人员不存在（编号 ${id}），可能已被删除，请刷新列表后重试`;
      throw new UserError('NOT_FOUND', message, [{ path: 'ids', message }]);
    }
    try {
      const patch = patchFor(before, input.changes);
      if (Object.keys(patch).length === 0) return void unchanged++;
      const after = writePersonPatch(ctx, before, patch);
      const part = changedPart(before, after);
      if (Object.keys(part.after).length === 0) return void unchanged++;
      entries.push({ action: 'bulkSet', entity: personDef.name, entityId: id, before: part.before, after: part.after });
    } catch (e) {
      throw named(e, before, index);
    }
  });
  ctx.audit('bulkSet', personDef.name, null, null, {
    changes: input.changes,
    ids,
    changed: entries.length,
    unchanged,
  });
  if (ctx.auditMany) ctx.auditMany(entries);
  else for (const e of entries) ctx.audit(e.action, e.entity, e.entityId, e.before, e.after);
  return { changed: entries.length, unchanged };
}
