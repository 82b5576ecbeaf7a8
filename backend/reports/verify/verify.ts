// 核对 (submission.md §3): a monthly report workbook checked against what this office recorded for
// its export id, cell by cell, and — whoever sent it — against its own digest, its 合计, rates,
// progress rules and row codes, and its meta against the visible titles; with every cell that
// could not be read. The parse is parseWorkbook's (one function, movable to a worker); everything
// after it is synchronous and reads only report_exports and the office profile.
import type { Database } from 'better-sqlite3';
import {
  MONTHLY_SHEET_KEYS,
  MONTHLY_SHEETS,
  type MonthlyFigures,
  type MonthlySheetKey,
} from '../../../core/reports/monthly';
import { readMonthly } from '../../../core/reports/monthlyRead';
import type { ReadProblem } from '../../../core/reports/readTable';
import type { MoneyUnit } from '../../../core/reports/doc';
import { SENT_REPORT_ID } from '../../../core/reports/catalogue';
import { periodLabel } from '../../../core/reports/period';
import { todayIso } from '../../../core/dates';
import { checkFigures, progressRowsOf } from '../../../core/reports/verify/checks';
import { compareWithRecord } from '../../../core/reports/verify/compare';
import { checkTitles, identityOf, type Identity } from '../../../core/reports/verify/identity';
import { cellRef, type Finding } from '../../../core/reports/verify/types';
import { getOffice } from '../../../db/entities/system';
import { UserError } from '../../../db/errors';
import { canonicalJson, sha256 } from '../builders';
import { changedSheets, submissionDigest } from '../digest';
import { META_SHEET } from '../writer/workbook';
import type { ParsedWorkbook } from './parse';
import { lastSentBefore, recordByExportId, recordShown, recordsOfPeriod, type VerifyRecord } from './record';
import { sortFindings } from './order';

export interface VerifyResult {
  identity: Identity;
  record: Omit<VerifyRecord, 'figures' | 'frame' | 'digest'> | null;
  /** What the figures were compared against: this office's record, the digest alone, or nothing. */
  basis: 'record' | 'digest' | 'none';
  digest: 'match' | 'mismatch' | 'absent';
  summary: string;
  findings: Finding[];
  meta: Record<string, string>;
  figures: MonthlyFigures;
}

const META_LABELS: Record<string, string> = {
  countyCode: '县级区划代码',
  countyName: '县名',
  period: '报告期',
  version: '版本',
  status: '状态',
  digest: '数据摘要',
  correctionReason: '更正原因',
};

/** The meta sheet's key → value, and where each value sits (column B of its row). */
export function readMeta(parsed: ParsedWorkbook) {
  const meta: Record<string, string> = {};
  const cells: Record<string, string> = {};
  (parsed.grids[META_SHEET] ?? []).forEach((row, r) => {
    const [key, value] = row;
    if (r === 0 || typeof key !== 'string' || !key) return;
    meta[key] = value == null ? '' : String(value);
    cells[key] = `B${r + 1}`;
  });
  return { meta, cells };
}

/** What the reader could not read, and the cells the parse marked, on the report's own sheets. */
export function unreadableFindings(
  parsed: ParsedWorkbook,
  problems: readonly ReadProblem[],
  sheetNames: readonly string[],
): Finding[] {
  const sheets = new Set<string>([META_SHEET, ...sheetNames]);
  const out: Finding[] = problems.map((p) => ({
    sheet: p.sheet,
    cell: p.cell,
    kind: 'unreadable',
    message: `${cellRef(p.sheet, p.cell)}：${p.message}`,
  }));
  for (const u of parsed.unreadable) {
    if (!sheets.has(u.sheet)) continue;
    const why =
      u.reason === 'formula' ? `公式“${u.text}”没有保存计算结果，无法读取` : `单元格为错误值 ${u.text}，无法读取`;
    out.push({ sheet: u.sheet, cell: u.cell, kind: 'unreadable', message: `${cellRef(u.sheet, u.cell)}：${why}` });
  }
  return out;
}

/** The meta of a file of this office against its record and the office profile. */
function metaAgainstRecord(
  meta: Record<string, string>,
  cells: Record<string, string>,
  record: VerifyRecord,
  office: { countyCode: string; countyName: string },
): Finding[] {
  const expected: Record<string, string | null> = {
    countyCode: office.countyCode,
    countyName: office.countyName,
    period: record.period,
    version: String(record.version),
    status: 'official',
    digest: record.digest,
    correctionReason: record.correctionReason ?? '',
  };
  const out: Finding[] = [];
  for (const [key, was] of Object.entries(expected)) {
    if (was === null) continue;
    const now = meta[key] ?? '';
    if (now === was) continue;
    const cell = cells[key] ?? '';
    out.push({
      sheet: META_SHEET,
      cell,
      kind: 'meta',
      message: `${cellRef(META_SHEET, cell)}（标识信息·${META_LABELS[key]}）：报送时为 ${was || '（空）'}，现为 ${now || '（空）'}`,
      before: was,
      after: now,
    });
  }
  return out;
}

/** The county code is six digits under the city's four (a code typed over by hand often is not). */
function codeFindings(identity: Identity, cells: Record<string, string>): Finding[] {
  const code = identity.countyCode;
  if (identity.source !== 'meta' || !code) return [];
  const cell = cells.countyCode ?? '';
  const at = cellRef(META_SHEET, cell);
  if (!/^\d{6}$/.test(code))
    return [{ sheet: META_SHEET, cell, kind: 'meta', message: `${at}：县级区划代码“${code}”不是6位数字` }];
  const city = identity.cityCode;
  if (city && /^\d{4}$/.test(city) && !code.startsWith(city))
    return [
      {
        sheet: META_SHEET,
        cell,
        kind: 'meta',
        message: `${at}：县级区划代码${code}不在标识信息的市级代码${city}之下`,
      },
    ];
  return [];
}

/** The digest the meta carries against the figures read back (an old file carries figuresHash). */
const digestInput = (meta: Record<string, string>, figures: MonthlyFigures) => ({
  countyCode: meta.countyCode ?? '',
  period: meta.period ?? '',
  version: /^\d+$/.test(meta.version ?? '') ? Number(meta.version) : null,
  figures,
});

function digestState(meta: Record<string, string>, figures: MonthlyFigures): VerifyResult['digest'] {
  if (meta.digest) {
    const now = submissionDigest(digestInput(meta, figures));
    return now === meta.digest ? 'match' : 'mismatch';
  }
  if (meta.figuresHash) return sha256(Buffer.from(canonicalJson(figures))) === meta.figuresHash ? 'match' : 'mismatch';
  return 'absent';
}

const sheetsOf = (findings: Finding[], kinds: Finding['kind'][]) => [
  ...new Set(findings.filter((f) => kinds.includes(f.kind) && f.sheet && f.sheet !== META_SHEET).map((f) => f.sheet)),
];

function digestFinding(
  cells: Record<string, string>,
  meta: Record<string, string>,
  figures: MonthlyFigures,
  found: Finding[],
  record: boolean,
) {
  const cell = cells.digest ?? cells.figuresHash ?? '';
  // The per-sheet digests name exactly the edited sheets, even when 合计 and rates were kept consistent.
  const changed = meta.digest ? changedSheets(meta.sheetDigests, digestInput(meta, figures)) : null;
  const edited = sheetsOf(
    found,
    record ? ['changed', 'missingRow', 'extraRow'] : ['total', 'rate', 'rowCode', 'extraRow'],
  );
  const unread = sheetsOf(found, ['unreadable']);
  const parts: string[] = [];
  if (changed)
    parts.push(`被修改的表：${changed.map((k) => MONTHLY_SHEETS[k as MonthlySheetKey].layout.sheetName).join('、')}`);
  // With a record its changed cells name the same sheets; without, the broken 合计 are still worth saying.
  if (edited.length && !(changed && record))
    parts.push(`${record ? '被修改的表' : '合计或比率已不一致的表'}：${edited.join('、')}`);
  if (unread.length) parts.push(`有无法读取单元格的表：${unread.join('、')}`);
  if (!parts.length)
    parts.push(
      record
        ? '各表数字与报送记录一致，被修改的是标识信息（县级区划代码、报告期或版本）'
        : '无法确定是哪张表（各表合计与比率仍一致）',
    );
  const where = parts.join('；');
  const what = meta.digest ? '数据摘要' : '数据摘要（旧版）';
  return {
    sheet: META_SHEET,
    cell,
    kind: 'digest' as const,
    message: `${cellRef(META_SHEET, cell)}：${what}与工作簿内容不符，报表中的数字或标识信息在导出后被修改；${where}`,
  };
}

function summaryOf(r: Omit<VerifyResult, 'summary' | 'meta' | 'figures'>, matchedVersion: number | null): string {
  const n = r.findings.length;
  const tail = n ? `共发现 ${n} 处问题。` : '未发现问题。';
  if (r.basis === 'record' && r.record)
    return `本单位的第${r.record.version}版报送记录（${todayIso(new Date(r.record.exportedAt))} 导出）：已逐格核对，${tail}`;
  if (r.identity.source === 'title')
    return `工作簿缺少标识信息，按标题识别为${r.identity.countyName ?? '未知单位'}${r.identity.period ? periodLabel(r.identity.period) : ''}的工作进度月报${
      matchedVersion ? `，数字与本单位第${matchedVersion}版报送记录一致` : ''
    }；已按合计、比率和填报规则核对，${tail}`;
  const draft = r.identity.status === 'draft' ? '这是草稿，不是正式报送版本；' : '';
  const basis = r.identity.exportId ? '本单位没有该导出编号的报送记录，' : '';
  return `${draft}${basis}已按数据摘要、合计、比率和填报规则核对，${tail}`;
}

export function verifyParsed(db: Database, parsed: ParsedWorkbook): VerifyResult {
  const { meta, cells } = readMeta(parsed);
  if (meta.reportId && meta.reportId !== SENT_REPORT_ID)
    throw new UserError('NOT_MONTHLY', `该工作簿是“${meta.reportName || meta.reportId}”，不是工作进度月报`);
  const present = MONTHLY_SHEET_KEYS.filter((k) => parsed.grids[MONTHLY_SHEETS[k].layout.sheetName]);
  if (!meta.reportId && present.length === 0)
    throw new UserError('NOT_MONTHLY', '该工作簿不是工作进度月报：既没有标识信息，也没有月报的工作表');

  const identity = identityOf(meta, parsed.grids);
  const unit = meta.moneyUnit === '万元' || meta.moneyUnit === '元' ? (meta.moneyUnit as MoneyUnit) : null;
  const read = readMonthly(parsed.grids, identity.period ?? '', unit);
  const unreadable = unreadableFindings(
    parsed,
    read.problems,
    MONTHLY_SHEET_KEYS.map((k) => MONTHLY_SHEETS[k].layout.sheetName),
  );
  const unreadableCells = new Set(unreadable.filter((f) => f.cell).map((f) => `${f.sheet}!${f.cell}`));

  const findings: Finding[] = [];
  if (identity.source === 'title')
    findings.push({
      sheet: META_SHEET,
      cell: '',
      kind: 'meta',
      message: `${META_SHEET}：工作簿缺少标识信息（可能被复制到新工作簿，或由其他程序另存时丢失），无法核对数据摘要和报送记录，已按标题识别`,
    });
  findings.push(...checkTitles(identity, parsed.grids), ...codeFindings(identity, cells), ...unreadable);

  const office = getOffice(db) as { countyCode: string; countyName: string } | null;
  const record = identity.exportId ? recordByExportId(db, identity.exportId) : null;
  let matchedVersion: number | null = null;
  const compared: Finding[] = [];
  if (record) {
    compared.push(...compareWithRecord(record, read, parsed.grids, unreadableCells));
    if (office) compared.push(...metaAgainstRecord(meta, cells, record, office));
  } else if (identity.source === 'title' && identity.period && office && identity.countyName === office.countyName) {
    const same = recordsOfPeriod(db, identity.period).filter(
      (r) => canonicalJson(r.figures) === canonicalJson(read.figures),
    );
    matchedVersion = same.at(-1)?.version ?? null;
  }
  // The "never fall" rule needs the period before: this office holds it for its own files.
  const ours = Boolean(record) || (office !== null && identity.countyCode === office.countyCode);
  const before = ours && identity.period ? lastSentBefore(db, identity.period) : null;
  const previous = before
    ? { period: before.period, rows: progressRowsOf(before.figures.sheets.progress ?? []) }
    : null;
  const checked = checkFigures(read, unreadableCells, previous);
  const digest = digestState(meta, read.figures);
  if (digest === 'mismatch')
    findings.push(digestFinding(cells, meta, read.figures, [...compared, ...checked, ...unreadable], Boolean(record)));
  if (identity.source === 'meta' && digest === 'absent')
    findings.push({
      sheet: META_SHEET,
      cell: '',
      kind: 'digest',
      message: `${META_SHEET}：标识信息中没有数据摘要，无法确认数字未被修改`,
    });
  findings.push(...compared, ...checked);

  const result = {
    identity,
    record: recordShown(record),
    basis: record ? ('record' as const) : digest === 'absent' ? ('none' as const) : ('digest' as const),
    digest,
    findings: sortFindings(findings, parsed.sheetNames),
  };
  return { ...result, summary: summaryOf(result, matchedVersion), meta, figures: read.figures };
}
