// The audit log as a list and its chain check, and the history of exported reports.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { escapeLike, listRecords, type EntityDef } from '../../../db/entity';
import { auditCodesMatching } from '../../../core/auditLabels';
import { verifyAudit } from '../../../db/audit';
import { auditDef, reportExportDef } from '../../../db/entities/system';
import type { HandlerCtx } from '../../context';
import { rolesFor } from '../../access';

type AuditRow = OutputOf<'audit.list'>['rows'][number];

/**
 * The operators and their roles are an admin's to see (operator.list is admin-only): for anyone
 * else the entries about operators keep who did what and when, but not the records themselves,
 * and the first run's entry drops the first 管理员.
 */
function withoutRoster(row: AuditRow): AuditRow {
  if (row.entity === 'operator') return { ...row, objectName: null, before: null, after: null };
  if (row.action === 'setup' && row.after && typeof row.after === 'object' && 'admin' in row.after) {
    const { admin: _admin, ...rest } = row.after as Record<string, unknown>;
    return { ...row, after: rest };
  }
  return row;
}

const SEARCH = '__search';

/**
 * The search box matches what the list shows: the operator, the object's name and the Chinese
 * words for the action and the object (「合同」 finds contract and node entries), as well as the codes.
 */
function searched(q: string): EntityDef {
  const { actions, entities } = auditCodesMatching(q);
  const like = `%${escapeLike(q)}%`;
  const cols = ['operator_name', 'action', 'entity', 'object_name'];
  const ors = [
    ...cols.map((c) => `${c} LIKE ? ESCAPE '\\'`),
    ...(actions.length ? [`action IN (${actions.map(() => '?').join(', ')})`] : []),
    ...(entities.length ? [`entity IN (${entities.map(() => '?').join(', ')})`] : []),
  ];
  return {
    ...auditDef,
    search: undefined,
    filters: {
      ...auditDef.filters,
      [SEARCH]: () => ({ sql: ors.join(' OR '), params: [...cols.map(() => like), ...actions, ...entities] }),
    },
  };
}

export function listAudit(ctx: HandlerCtx, input: ParsedInputOf<'audit.list'>): OutputOf<'audit.list'> {
  const q = input.q?.trim();
  const page = (
    q
      ? listRecords(ctx.db, searched(q), { ...input, q: undefined, filters: { ...input.filters, [SEARCH]: q } })
      : listRecords(ctx.db, auditDef, input)
  ) as OutputOf<'audit.list'>;
  if (!ctx.operator || rolesFor('admin', ctx.db).includes(ctx.operator.role)) return page;
  return { ...page, rows: page.rows.map(withoutRoster) };
}

export const checkAuditChain = (ctx: HandlerCtx): OutputOf<'audit.verify'> => verifyAudit(ctx.db);

export const listReportExports = (ctx: HandlerCtx, input: ParsedInputOf<'report.history'>) =>
  listRecords(ctx.db, reportExportDef, input) as OutputOf<'report.history'>;
