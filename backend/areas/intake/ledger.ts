// 报送台账: units × periods, from what was filed (received_reports, with the arrival of the file it
// came in) and refused (intake_files). A period's deadline is the office's deadline day counted
// from the period's end (the 5th of the next month for a monthly period; the 20th for a 上半月);
// a report is on time when its first filed version arrived on or before that day, whatever later
// corrections followed.
import type { HandlerCtx } from '../../context';
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import type { LedgerState } from '../../../core/schemas/intake';
import { periodLabel, periodRange } from '../../../core/reports/period';
import { addDays, isoToExcelSerial, todayIso } from '../../../core/dates';
import { UserError } from '../../../db/errors';
import { localDay } from './time';
import { receivingOffice, unitsOf, type ReceivingOffice, type Unit } from './office';

export type LedgerCell = OutputOf<'ledger.get'>['cells'][number];
export interface LedgerPeriod {
  period: string;
  periodText: string;
  deadline: string;
  due: boolean;
}

/** Periods a ledger shows at most (five years of months). */
const MAX_MONTHS = 60;

const monthOf = (period: string) => period.slice(0, 7);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export const deadlineOf = (period: string, deadlineDay: number) => addDays(periodRange(period).to, deadlineDay);
const daysBetween = (from: string, to: string) => isoToExcelSerial(to) - isoToExcelSerial(from);

interface Filed {
  unit_code: string;
  period: string;
  id: number;
  version: number;
  replaced_by: number | null;
  accept_note: string | null;
  file_id: number;
  arrived: string;
}
interface Refused {
  unit_code: string;
  period: string;
  id: number;
  reason_code: string;
  reason: string;
  received_at: string;
}

/** The months from..to, and any half-month periods something arrived for within them. */
function periodsOf(
  ctx: HandlerCtx,
  from: string,
  to: string,
  office: ReceivingOffice,
  also: readonly string[],
): LedgerPeriod[] {
  if (monthOf(from) > monthOf(to)) throw new UserError('INVALID_INPUT', '起始报告期不能晚于截止报告期');
  const months: string[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = nextMonth(m)) {
    months.push(m);
    if (months.length > MAX_MONTHS) throw new UserError('INVALID_INPUT', `一次最多查看 ${MAX_MONTHS} 个月的台账`);
  }
  const halves = (
    ctx.db
      .prepare(
        `SELECT DISTINCT period FROM intake_files
         WHERE unit_code IN (SELECT code FROM report_units) AND length(period) > 7 AND period >= ? AND period < ?`,
      )
      .all(monthOf(from), nextMonth(monthOf(to))) as { period: string }[]
  ).map((r) => r.period);
  const today = todayIso(ctx.now());
  return [...new Set([...months, ...halves, ...also])].sort().map((period) => {
    const deadline = deadlineOf(period, office.deadlineDay);
    return { period, periodText: periodLabel(period), deadline, due: today > deadline };
  });
}

function cellOf(unit: Unit, p: LedgerPeriod, today: string, filed: Filed[], refused: Refused | undefined): LedgerCell {
  const overdue = p.due ? daysBetween(p.deadline, today) : 0;
  if (filed.length) {
    const newest = filed.find((f) => f.replaced_by === null) ?? filed[filed.length - 1];
    const first = filed.reduce((a, f) => (f.arrived < a ? f.arrived : a), filed[0].arrived);
    const late = Math.max(0, daysBetween(p.deadline, localDay(first)));
    return {
      unitCode: unit.code,
      period: p.period,
      state: late > 0 ? '逾期报送' : '按时',
      version: newest.version,
      receivedAt: newest.arrived,
      reportId: newest.id,
      fileId: newest.file_id,
      firstReceivedAt: first,
      daysLate: late,
      acceptNote: newest.accept_note,
      refusal: null,
      versions: filed.length,
    };
  }
  const state: LedgerState = refused
    ? refused.reason_code === 'DRAFT'
      ? '仅草稿'
      : '拒收'
    : p.due
      ? '未报'
      : '未到期';
  return {
    unitCode: unit.code,
    period: p.period,
    state,
    version: null,
    receivedAt: null,
    reportId: null,
    fileId: null,
    firstReceivedAt: null,
    daysLate: overdue,
    acceptNote: null,
    refusal: refused
      ? { reasonCode: refused.reason_code, reason: refused.reason, at: refused.received_at, fileId: refused.id }
      : null,
    versions: 0,
  };
}

export interface Ledger {
  office: ReceivingOffice;
  periods: LedgerPeriod[];
  units: Unit[];
  cells: LedgerCell[];
}

/** Every unit × period of the range (unfiltered); `also`: periods shown besides (a half month asked for). */
export function ledgerOf(ctx: HandlerCtx, from: string, to: string, also: readonly string[] = []): Ledger {
  const office = receivingOffice(ctx.db);
  const periods = periodsOf(ctx, from, to, office, also);
  const units = unitsOf(ctx.db);
  const lo = monthOf(from);
  const hi = nextMonth(monthOf(to));
  const filed = ctx.db
    .prepare(
      `SELECT r.unit_code, r.period, r.id, r.version, r.replaced_by, r.accept_note, r.file_id, f.received_at AS arrived
       FROM received_reports r JOIN intake_files f ON f.id = r.file_id
       WHERE r.period >= ? AND r.period < ? ORDER BY r.version`,
    )
    .all(lo, hi) as Filed[];
  // The last refusal of each unit's period (drafts included): what the clerk chases.
  const refused = ctx.db
    .prepare(
      `SELECT unit_code, period, id, reason_code, reason, received_at FROM intake_files
       WHERE outcome = '拒收' AND unit_code IS NOT NULL AND period >= ? AND period < ? ORDER BY id`,
    )
    .all(lo, hi) as Refused[];
  const key = (u: string, p: string) => `${u}|${p}`;
  const filedBy = new Map<string, Filed[]>();
  for (const f of filed)
    filedBy.set(key(f.unit_code, f.period), [...(filedBy.get(key(f.unit_code, f.period)) ?? []), f]);
  const refusedBy = new Map<string, Refused>();
  for (const r of refused) refusedBy.set(key(r.unit_code, r.period), r);
  const today = todayIso(ctx.now());
  const cells = units.flatMap((u) =>
    periods.map((p) =>
      cellOf(u, p, today, filedBy.get(key(u.code, p.period)) ?? [], refusedBy.get(key(u.code, p.period))),
    ),
  );
  return { office, periods, units, cells };
}

export function getLedger(ctx: HandlerCtx, input: ParsedInputOf<'ledger.get'>): OutputOf<'ledger.get'> {
  const l = ledgerOf(ctx, input.from, input.to);
  const cells = l.cells.filter(
    (c) => (!input.unitCode || c.unitCode === input.unitCode) && (!input.state || c.state === input.state),
  );
  const counts: Record<string, number> = {};
  for (const c of cells) counts[c.state] = (counts[c.state] ?? 0) + 1;
  return {
    periods: l.periods,
    units: input.unitCode ? l.units.filter((u) => u.code === input.unitCode) : l.units,
    cells,
    counts,
    deadlineDay: l.office.deadlineDay,
  };
}
