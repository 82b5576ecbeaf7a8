// Whose and which a workbook is: from its meta sheet, or — when the meta is gone (copied into a new
// workbook, or a program that drops hidden sheets) — from what the title lines show; and whether the
// meta agrees with every sheet's visible title (county name, period, 「草稿」).
import { MONTHLY_SHEET_KEYS, MONTHLY_SHEETS, DRAFT_MARK, type SubmissionStatus } from '../monthly';
import { periodLabel } from '../period';
import type { Grid } from '../readTable';
import { TITLE_ROW, UNIT_ROW } from '../sheetRows';
import { cellRef, type Finding } from './types';

export interface Identity {
  countyCode: string | null;
  countyName: string | null;
  cityCode: string | null;
  period: string | null;
  status: SubmissionStatus | null;
  version: number | null;
  exportId: string | null;
  correctionReason: string | null;
  generatedAt: string | null;
  /** Where it was read from: the meta sheet, or the visible titles when the meta is missing. */
  source: 'meta' | 'title';
}

const titleOf = (grid: Grid | undefined) => (grid ? String(grid[TITLE_ROW - 1]?.[0] ?? '') : '');

const periodKey = (m: RegExpExecArray | null) =>
  m ? `${m[1]}-${m[2].padStart(2, '0')}${m[3] ? `-${m[3]}` : ''}` : null;

/** `…（2018年10月）` / `…（2018年10月上半月）` → the period key. */
export const periodFromTitle = (title: string): string | null =>
  periodKey(/（(\d{4})年(\d{1,2})月(?:([上下])半月)?）/.exec(title));

/**
 * The period a sheet shows: in its title's brackets, else in the 填报单位 line's centre (a clerk's
 * own title wording may leave the period out).
 */
function periodShown(grid: Grid): string | null {
  const inTitle = periodFromTitle(titleOf(grid));
  if (inTitle) return inTitle;
  for (const v of grid[UNIT_ROW - 1] ?? []) {
    const m = /^\s*(\d{4})年(\d{1,2})月(?:([上下])半月)?\s*$/.exec(String(v ?? ''));
    if (m) return periodKey(m);
  }
  return null;
}

/** The county's name the title starts with (`蓬安县第二次全国…` → 蓬安县). */
export function countyFromTitle(title: string): string | null {
  return /^(.{1,12}?(?:自治县|自治旗|县|区|市|旗))/.exec(title.trim())?.[1] ?? null;
}

const orNull = (v: string | undefined) => (v ? v : null);

export function identityOf(meta: Record<string, string>, grids: Record<string, Grid>): Identity {
  const hasMeta = Boolean(meta.reportId);
  if (hasMeta) {
    const status = meta.status === 'draft' || meta.status === 'official' ? meta.status : null;
    const version = /^\d+$/.test(meta.version ?? '') ? Number(meta.version) : null;
    return {
      countyCode: orNull(meta.countyCode),
      countyName: orNull(meta.countyName),
      cityCode: orNull(meta.cityCode),
      period: orNull(meta.period),
      status,
      version,
      exportId: orNull(meta.exportId),
      correctionReason: orNull(meta.correctionReason),
      generatedAt: orNull(meta.generatedAt),
      source: 'meta',
    };
  }
  const sheets = MONTHLY_SHEET_KEYS.map((k) => grids[MONTHLY_SHEETS[k].layout.sheetName]).filter((g) => g);
  const title = sheets.map(titleOf).find((t) => t) ?? '';
  return {
    countyCode: null,
    countyName: sheets.map((g) => countyFromTitle(titleOf(g))).find((c) => c) ?? null,
    cityCode: null,
    period: sheets.map(periodShown).find((p) => p) ?? null,
    status: title.includes(DRAFT_MARK) ? 'draft' : null,
    version: null,
    exportId: null,
    correctionReason: null,
    generatedAt: null,
    source: 'title',
  };
}

/** The meta against each sheet's title line (A1): county name, period and the draft mark. */
export function checkTitles(identity: Identity, grids: Record<string, Grid>): Finding[] {
  if (identity.source !== 'meta') return [];
  const out: Finding[] = [];
  for (const key of MONTHLY_SHEET_KEYS) {
    const sheet = MONTHLY_SHEETS[key].layout.sheetName;
    const grid = grids[sheet];
    if (!grid) continue;
    const title = titleOf(grid);
    const cell = `A${TITLE_ROW}`;
    const add = (message: string) =>
      out.push({ sheet, cell, kind: 'meta', message: `${cellRef(sheet, cell)}：标题“${title}”${message}` });
    if (identity.countyName && !title.includes(identity.countyName))
      add(`与标识信息的县名“${identity.countyName}”不符`);
    if (identity.period && periodShown(grid) !== identity.period)
      add(`与标识信息的报告期“${periodLabel(identity.period)}”不符`);
    if (identity.status === 'draft' && !title.includes(DRAFT_MARK)) add(`缺少草稿标记${DRAFT_MARK}，而标识信息为草稿`);
    if (identity.status === 'official' && title.includes(DRAFT_MARK)) add(`带有草稿标记，而标识信息为正式报送`);
  }
  return out;
}
