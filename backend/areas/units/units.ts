// 下级单位: the units a city office (its counties) or a province office (its cities) receives
// reports from. Saved whole; a unit that already has reports filed may not be dropped, so the
// ledger and the city report never lose a unit quietly.
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { suggestUnits, DIVISIONS_SOURCE } from '../../../core/divisions';
import { isOfficeLevel, UNIT_KIND_LABELS, type OfficeLevel } from '../../../core/officeLevels';
import { unitIssues, type UnitRow } from '../../../core/schemas/units';
import { getOffice } from '../../../db/entities/system';
import { listUnits, replaceUnits, unitsWithReceived } from '../../../db/entities/units';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';

interface OfficeAt {
  level: OfficeLevel;
  code: string;
}

function officeAt(ctx: HandlerCtx): OfficeAt | null {
  const office = getOffice(ctx.db);
  if (!office) return null;
  const level = isOfficeLevel(office.level) ? office.level : '县';
  return { level, code: String(office.countyCode) };
}

type ListInput = ParsedInputOf<'unit.list'>;
const WHOLE: ListInput = { page: 1, pageSize: 1000 };

function listOf(ctx: HandlerCtx, level: OfficeLevel, input: ListInput = WHOLE): OutputOf<'unit.list'> {
  const all = listUnits(ctx.db);
  if (input.sort) {
    const { field, dir } = input.sort;
    const sign = dir === 'desc' ? -1 : 1;
    all.sort((a, b) => sign * (field === 'sortOrder' ? a.sortOrder - b.sortOrder : a[field].localeCompare(b[field])));
  }
  const start = (input.page - 1) * input.pageSize;
  return {
    rows: all.slice(start, start + input.pageSize),
    total: all.length,
    page: input.page,
    pageSize: input.pageSize,
    level,
    kind: UNIT_KIND_LABELS[level],
  };
}

export const listReportUnits = (ctx: HandlerCtx, input: ListInput): OutputOf<'unit.list'> =>
  listOf(ctx, officeAt(ctx)?.level ?? '县', input);

const notACity = () =>
  new UserError('NOT_A_CITY_OFFICE', '县（区）普查办没有下级报送单位：只有市、省普查办维护下级单位名单');

/** Checks the rows against the office (as a whole list) and throws the faults, each naming its row. */
export function checkUnits(level: OfficeLevel, officeCode: string, rows: readonly UnitRow[], base = 'units'): void {
  if (level === '县') {
    if (rows.length === 0) return;
    throw notACity();
  }
  const issues = unitIssues(level, officeCode, rows, base);
  if (issues.length > 0) throw new UserError('INVALID_INPUT', issues.map((i) => i.message).join('；'), issues);
}

export function saveReportUnits(ctx: HandlerCtx, input: ParsedInputOf<'unit.save'>): OutputOf<'unit.save'> {
  const office = officeAt(ctx);
  if (!office) throw new UserError('NO_OFFICE', '请先填写单位信息');
  if (office.level === '县') throw notACity();
  checkUnits(office.level, office.code, input.units);
  const before = listUnits(ctx.db);
  const kept = new Set(input.units.map((u) => u.code));
  const dropped = before.filter((u) => !kept.has(u.code));
  const filed = new Set(
    unitsWithReceived(
      ctx.db,
      dropped.map((u) => u.code),
    ),
  );
  const refused = dropped.filter((u) => filed.has(u.code));
  if (refused.length > 0) {
    throw new UserError(
      'UNIT_HAS_REPORTS',
      `已收取过报表的单位不能从名单中删除：${refused.map((u) => `${u.name}（${u.code}）`).join('、')}`,
    );
  }
  replaceUnits(ctx.db, input.units, ctx.now().toISOString());
  const after = listOf(ctx, office.level);
  ctx.audit('update', 'unit', null, { units: before }, { units: after.rows });
  return after;
}

export function suggestReportUnits(ctx: HandlerCtx): OutputOf<'unit.suggest'> {
  const office = officeAt(ctx);
  return { source: DIVISIONS_SOURCE, units: office ? suggestUnits(office.level, office.code) : [] };
}
