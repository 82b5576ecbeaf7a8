// The 核对 result as an A4 document (the print views' frame): what the workbook is, what it was
// checked against, and every finding by sheet with its cell; when it was checked, so a printout
// filed with the workbook says which check it records.
import { esc, printDocument } from '../../../print/html';
import { FINDING_KIND_LABELS } from '../../../../core/reports/verify/types';
import { localTime } from '../../../format/display';
import { bySheet, identityLines, type VerifyResult } from './verifyText';

export function renderVerify(r: VerifyResult, fileName: string, checkedAt: string): string {
  const lines = identityLines(r)
    .map(([k, v]) => `<tr><td class="label">${esc(k)}</td><td>${esc(v)}</td></tr>`)
    .join('');
  const groups = bySheet(r.findings)
    .map(
      (g) => `<h2>${esc(g.title)}（${g.findings.length} 处）</h2>
<table class="sheet compact"><colgroup><col style="width:14%"><col style="width:14%"><col></colgroup>
<thead><tr><th>单元格</th><th>类别</th><th>说明</th></tr></thead><tbody>
${g.findings
  .map(
    (f) =>
      `<tr><td class="code">${esc(f.cell || '—')}</td><td>${esc(FINDING_KIND_LABELS[f.kind])}</td><td>${esc(f.message)}</td></tr>`,
  )
  .join('\n')}
</tbody></table>`,
    )
    .join('\n');
  const body = `<h1>工作进度月报核对结果</h1>
<p class="notes">文件：${esc(fileName)}\u3000\u3000核对时间：${esc(localTime(checkedAt))}</p>
<table class="sheet grid"><colgroup><col style="width:18%"><col></colgroup><tbody>${lines}</tbody></table>
<p>${esc(r.summary)}</p>
${groups || '<p>未发现问题。</p>'}`;
  return printDocument(`核对结果-${fileName}`, 'portrait', body);
}
