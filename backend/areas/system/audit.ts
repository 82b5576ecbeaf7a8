// The audit log as a list and its chain check, and the history of exported reports.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { listRecords } from '../../../db/entity';
import { verifyAudit } from '../../../db/audit';
import { auditDef, reportExportDef } from '../../../db/entities/system';
import type { HandlerCtx } from '../../context';

export const listAudit = (ctx: HandlerCtx, input: ParsedInputOf<'audit.list'>) =>
  listRecords(ctx.db, auditDef, input) as OutputOf<'audit.list'>;

export const checkAuditChain = (ctx: HandlerCtx): OutputOf<'audit.verify'> => verifyAudit(ctx.db);

export const listReportExports = (ctx: HandlerCtx, input: ParsedInputOf<'report.history'>) =>
  listRecords(ctx.db, reportExportDef, input) as OutputOf<'report.history'>;
