// A table sheet (劳务报酬发放表, 培训签到表, or any layout) as a print view: the same title, 填报单位
// line, columns, 合计 and footer as the exported workbook, from the same document data.
import type { TableDoc } from '../../core/reports/doc';
import { displayCell } from '../../core/reports/format';
import { esc, escLines, printDocument } from './html';

function colgroup(doc: TableDoc): string {
  const total = doc.layout.columns.reduce((w, c) => w + c.width, 0);
  return `<colgroup>${doc.layout.columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(2)}%">`).join('')}</colgroup>`;
}

function bodyRow(doc: TableDoc, row: TableDoc['rows'][number]): string {
  const { columns } = doc.layout;
  const height = doc.layout.rowHeight ? ` style="height:${doc.layout.rowHeight}pt"` : '';
  const cells: string[] = [];
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    if (row.span && i === row.span[0]) {
      const n = row.span[1] - row.span[0] + 1;
      cells.push(`<td class="span" colspan="${n}">${esc(row.cells[i])}</td>`);
      i = row.span[1];
      continue;
    }
    cells.push(
      `<td class="${c.kind}">${esc(displayCell(c.kind, row.cells[i] ?? null, doc.moneyUnit, c.emptyText))}</td>`,
    );
  }
  return `<tr class="${row.kind}"${height}>${cells.join('')}</tr>`;
}

export function tableSheetBody(doc: TableDoc): string {
  const notes = doc.layout.notes ?? [];
  return `<div class="page">
<h1>${esc(doc.title)}</h1>
<div class="unit-line"><div class="left">${escLines(doc.unitLine.left)}</div><div class="centre">${escLines(doc.unitLine.centre)}</div><div class="right">${escLines(doc.unitLine.right)}</div></div>
<table class="sheet">${colgroup(doc)}
<thead><tr>${doc.layout.columns.map((c) => `<th>${esc(c.label)}</th>`).join('')}</tr></thead>
<tbody>
${doc.rows.map((r) => bodyRow(doc, r)).join('\n')}
</tbody>
</table>
${notes.length ? `<div class="notes">${notes.map((n, i) => `<p>${i === 0 ? '说明：' : '\u3000\u3000\u3000'}${notes.length > 1 ? `${i + 1}. ` : ''}${esc(n)}</p>`).join('')}</div>` : ''}
${doc.footer ? `<div class="footer">${esc(doc.footer)}</div>` : ''}
</div>`;
}

export function renderTableSheet(doc: TableDoc): string {
  return printDocument(doc.title, doc.layout.orientation, tableSheetBody(doc));
}
