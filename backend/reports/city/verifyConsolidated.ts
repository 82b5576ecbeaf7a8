// 核对 of a consolidated report (a city's or a province's R2, meta level 市/省): the digest over the
// figures read back, every 合计 and block total against its unit rows, the rates, each title
// against the meta, what could not be read — and, when this office exported it, every cell against
// the record. Same result shape as verifyParsed, so intake and report.read treat both alike.
import type { Database } from 'better-sqlite3';
import { readConsolidated, type CityRead } from '../../../core/reports/city/read';
import { checkCityTitles, checkConsolidated } from '../../../core/reports/city/checks';
import { CITY_SHEETS } from '../../../core/reports/city/docs';
import { CITY_SHEET_KEYS, type CitySheetKey } from '../../../core/reports/city/layouts';
import type { CityFigures } from '../../../core/reports/city/consolidate';
import { identityOf } from '../../../core/reports/verify/identity';
import { sameValue, shown } from '../../../core/reports/verify/rows';
import { cellRef, type Finding } from '../../../core/reports/verify/types';
import { firstBodyRow, rowRange } from '../../../core/reports/sheetRows';
import { SENT_REPORT_ID } from '../../../core/reports/catalogue';
import type { MoneyUnit } from '../../../core/reports/doc';
import { todayIso } from '../../../core/dates';
import { UserError } from '../../../db/errors';
import { changedSheets, submissionDigest } from '../digest';
import { META_SHEET } from '../writer/workbook';
import type { ParsedWorkbook } from '../verify/parse';
import { recordByExportId, recordShown, type VerifyRecord } from '../verify/record';
import { sortFindings } from '../verify/order';
import { readMeta, unreadableFindings, type VerifyResult } from '../verify/verify';

/** The meta sheet's key → value, and where each value sits (verify.ts's reader). */
export const metaOf = readMeta;

export const isConsolidatedMeta = (meta: Record<string, string>) => meta.level === '市' || meta.level === '省';

/** The file's cells against the recorded figures, row by row in order (a consolidation's rows follow its units). */
function compareRecord(record: VerifyRecord, read: CityRead, unreadable: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  const recorded = record.figures as unknown as CityFigures;
  for (const key of CITY_SHEET_KEYS) {
    const t = read.reads[key];
    if (!t) continue;
    const { layout } = CITY_SHEETS[key];
    const sheet = layout.sheetName;
    const was = recorded.sheets[key] ?? [];
    const now = read.figures.sheets[key];
    const unit: MoneyUnit = read.units[key];
    for (let i = 0; i < Math.max(was.length, now.length); i++) {
      if (i >= now.length) {
        const at = rowRange(layout, (t.rowNumbers.at(-1) ?? firstBodyRow(layout) - 1) + 1 + (i - now.length));
        out.push({
          sheet,
          cell: at,
          kind: 'missingRow',
          message: `${cellRef(sheet, at)}：报送时的第${i + 1}行已被删除`,
        });
        continue;
      }
      if (i >= was.length) {
        const at = rowRange(layout, t.rowNumbers[i]);
        out.push({ sheet, cell: at, kind: 'extraRow', message: `${cellRef(sheet, at)}：报送时没有这一行` });
        continue;
      }
      layout.columns.forEach((c, j) => {
        const letter = t.columns[j];
        if (!letter) return;
        const cell = `${letter}${t.rowNumbers[i]}`;
        if (unreadable.has(`${sheet}!${cell}`)) return;
        const before = was[i].values[c.key] ?? null;
        const after = now[i].values[c.key] ?? null;
        if (sameValue(before, after)) return;
        const b = shown(c, before, unit);
        const a = shown(c, after, unit);
        out.push({
          sheet,
          cell,
          kind: 'changed',
          message: `${cellRef(sheet, cell)}（${String(now[i].values.unit ?? '')}，${c.label}）：报送时为 ${b}，现为 ${a}`,
          before: b,
          after: a,
        });
      });
    }
  }
  return out;
}

/** changed: the sheet keys the per-sheet digests name (null: they cannot tell, see changedSheets). */
function digestFinding(
  cells: Record<string, string>,
  found: Finding[],
  record: boolean,
  changed: string[] | null,
): Finding {
  const cell = cells.digest ?? '';
  const kinds = record ? ['changed', 'missingRow', 'extraRow'] : ['total', 'rate', 'extraRow'];
  const edited = [
    ...new Set(found.filter((f) => kinds.includes(f.kind) && f.sheet !== META_SHEET).map((f) => f.sheet)),
  ];
  const named = changed?.map((k) => CITY_SHEETS[k as CitySheetKey].layout.sheetName) ?? [];
  const parts = named.length ? [`被修改的表：${named.join('、')}`] : [];
  // With a record its changed cells name the same sheets; without, the broken 合计 are still worth saying.
  if (edited.length && !(named.length && record))
    parts.push(`${record ? '被修改的表' : '合计或比率已不一致的表'}：${edited.join('、')}`);
  if (!parts.length)
    parts.push(record ? '各表数字与报送记录一致，被修改的是标识信息' : '无法确定是哪张表（各表合计与比率仍一致）');
  const where = parts.join('；');
  return {
    sheet: META_SHEET,
    cell,
    kind: 'digest',
    message: `${cellRef(META_SHEET, cell)}：数据摘要与工作簿内容不符，汇总表中的数字或标识信息在导出后被修改；${where}`,
  };
}

export function verifyConsolidated(db: Database, parsed: ParsedWorkbook): VerifyResult {
  const { meta, cells } = metaOf(parsed);
  if (meta.reportId && meta.reportId !== SENT_REPORT_ID)
    throw new UserError('NOT_MONTHLY', `该工作簿是“${meta.reportName || meta.reportId}”，不是工作进度月报`);
  const identity = identityOf(meta, parsed.grids);
  const unit = meta.moneyUnit === '万元' || meta.moneyUnit === '元' ? (meta.moneyUnit as MoneyUnit) : null;
  const read = readConsolidated(parsed.grids, identity.period ?? '', unit);
  const unreadable = unreadableFindings(
    parsed,
    read.problems,
    CITY_SHEET_KEYS.map((k) => CITY_SHEETS[k].layout.sheetName),
  );
  const unreadableCells = new Set(unreadable.filter((f) => f.cell).map((f) => `${f.sheet}!${f.cell}`));

  const record = identity.exportId ? recordByExportId(db, identity.exportId) : null;
  const compared = record ? compareRecord(record, read, unreadableCells) : [];
  const checked = checkConsolidated(read, unreadableCells);
  const findings: Finding[] = [...checkCityTitles(parsed.grids, identity), ...unreadable, ...compared, ...checked];
  let digest: VerifyResult['digest'] = 'absent';
  const input = {
    countyCode: meta.countyCode ?? '',
    period: meta.period ?? '',
    version: identity.version,
    figures: read.figures,
  };
  if (meta.digest) digest = submissionDigest(input) === meta.digest ? 'match' : 'mismatch';
  if (digest === 'mismatch')
    findings.push(
      digestFinding(cells, [...compared, ...checked], Boolean(record), changedSheets(meta.sheetDigests, input)),
    );
  if (digest === 'absent')
    findings.push({
      sheet: META_SHEET,
      cell: '',
      kind: 'digest',
      message: `${META_SHEET}：标识信息中没有数据摘要，无法确认数字未被修改`,
    });

  const n = findings.length;
  const tail = n ? `共发现 ${n} 处问题。` : '未发现问题。';
  const whose = `${identity.countyName ?? '未知单位'}的汇总报表（${meta.level}级）`;
  const summary = record
    ? `本单位的第${record.version}版汇总报表报送记录（${todayIso(new Date(record.exportedAt))} 导出）：已逐格核对，${tail}`
    : `${identity.status === 'draft' ? '这是草稿，不是正式报送版本；' : ''}${whose}：已按数据摘要、合计和比率核对，${tail}`;
  return {
    identity,
    record: recordShown(record),
    basis: record ? 'record' : digest === 'absent' ? 'none' : 'digest',
    digest,
    summary,
    findings: sortFindings(findings, parsed.sheetNames),
    meta,
    figures: read.figures,
  };
}
