// The words of the 核对 page and its printout: the identity lines, the basis, findings by sheet.
import type { OutputOf } from '../../../../core/api';
import { periodLabel } from '../../../../core/reports/period';
import { SUBMISSION_STATUS_LABELS } from '../../../../core/reports/monthly';
import type { Finding } from '../../../../core/reports/verify/types';
import { localTime } from '../../../format/display';

export type VerifyResult = OutputOf<'report.read'>;

/** The 县（区）, 报告期, 版本, 状态… lines, label → value. */
export function identityLines(r: VerifyResult): [string, string][] {
  const id = r.identity;
  const county = [id.countyName, id.countyCode].filter(Boolean).join('　') || '无法识别';
  // A city's or province's own code ends in 00 (511300, 510000): its compiled report is no county's.
  const unitLabel = /^\d{4}00$/.test(id.countyCode ?? '') ? '填报单位' : '县（区）';
  const lines: [string, string][] = [
    [unitLabel, county],
    ['报告期', id.period ? periodLabel(id.period) : '无法识别'],
    ['状态', id.status ? SUBMISSION_STATUS_LABELS[id.status] : '未标明'],
    ['版本', id.version ? `第${id.version}版` : id.status === 'draft' ? '草稿（无版本）' : '未标明'],
  ];
  if (id.correctionReason) lines.push(['更正原因', id.correctionReason]);
  if (id.exportId) lines.push(['导出编号', id.exportId]);
  if (id.generatedAt) lines.push(['生成时间', localTime(id.generatedAt)]);
  lines.push(['识别依据', id.source === 'meta' ? '工作簿的标识信息' : '标题（工作簿缺少标识信息）']);
  lines.push(['核对依据', basisText(r)]);
  return lines;
}

export function basisText(r: VerifyResult): string {
  if (r.basis === 'record' && r.record)
    return `本单位第${r.record.version}版报送记录（${localTime(r.record.exportedAt)}，${r.record.operatorName}）逐格比对`;
  if (r.basis === 'digest') return `数据摘要（${r.digest === 'match' ? '相符' : '不符'}）及合计、比率、填报规则`;
  return '合计、比率、填报规则（无数据摘要）';
}

/** How a group is headed: the meta sheet by what it holds. */
const sheetTitle = (sheet: string) => (sheet === '_meta' ? '标识信息（_meta）' : sheet || '整个工作簿');

/** Findings grouped by sheet in the order they came (the workbook's sheet order). */
export function bySheet(findings: readonly Finding[]): { sheet: string; title: string; findings: Finding[] }[] {
  const groups: { sheet: string; title: string; findings: Finding[] }[] = [];
  for (const f of findings) {
    const name = f.sheet;
    const g = groups.find((x) => x.sheet === name);
    if (g) g.findings.push(f);
    else groups.push({ sheet: name, title: sheetTitle(name), findings: [f] });
  }
  return groups;
}
