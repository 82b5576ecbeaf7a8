// The 合同跟踪表 as a print view (A4 portrait): header grid, node table with 合计, 验收 block and
// signatures, from the same data as its exported sheet.
import type { TrackingDoc } from '../../core/reports/tracking';
import { TRACKING_ACCEPTANCE, TRACKING_GRID, TRACKING_LAYOUT } from '../../core/reports/tracking';
import { displayCell } from '../../core/reports/format';
import { esc, escLines, printDocument } from './html';

function nodeRow(row: TrackingDoc['nodes'][number]): string {
  const cells = TRACKING_LAYOUT.columns.map(
    (c, i) => `<td class="${c.kind}">${esc(displayCell(c.kind, row.cells[i] ?? null, '元', c.emptyText))}</td>`,
  );
  return `<tr class="${row.kind}">${cells.join('')}</tr>`;
}

/**
 * On paper the amounts get the room the sheet's Excel widths give the work text: 合计 in the
 * millions (1,280,000.00) in bold no longer runs into the next amount.
 */
const PRINT_WIDTHS: Record<string, number> = { work: 12, quality: 8, payable: 13, paid: 13 };

export function renderContractSheet(doc: TrackingDoc): string {
  const widths = TRACKING_LAYOUT.columns.map((c) => PRINT_WIDTHS[c.key] ?? c.width);
  const total = widths.reduce((w, x) => w + x, 0);
  const cols = widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(2)}%">`).join('');
  const grid = TRACKING_GRID.map(
    ([l1, k1, l2, k2]) =>
      `<tr><td class="label" colspan="2">${esc(l1)}</td><td colspan="3">${esc(doc.fields[k1])}</td><td class="label" colspan="2">${esc(l2)}</td><td colspan="4">${esc(doc.fields[k2])}</td></tr>`,
  ).join('\n');
  const acceptance = TRACKING_ACCEPTANCE.map(
    ([label, key]) =>
      `<tr${key === 'members' ? ' style="height:18mm"' : ''}><td class="label" colspan="2">${esc(label)}</td><td colspan="9">${esc(doc.acceptance[key])}</td></tr>`,
  ).join('\n');
  const body = `<div class="page">
<h1>${esc(doc.title)}</h1>
<div class="unit-line"><div class="left">${escLines(doc.unitLine.left)}</div><div class="centre">${escLines(doc.unitLine.centre)}</div><div class="right">${escLines(doc.unitLine.right)}</div></div>
<table class="sheet grid"><colgroup>${cols}</colgroup><tbody>${grid}</tbody></table>
<table class="sheet joined compact wrap-amounts"><colgroup>${cols}</colgroup>
<thead><tr>${TRACKING_LAYOUT.columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr></thead>
<tbody>${doc.nodes.map(nodeRow).join('\n')}</tbody>
</table>
<table class="sheet grid joined"><colgroup>${cols}</colgroup><tbody>${acceptance}</tbody></table>
${doc.signatures ? `<div class="footer">${esc(doc.signatures)}</div>` : ''}
</div>`;
  return printDocument(doc.title, 'portrait', body);
}
