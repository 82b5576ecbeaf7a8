// The 恢复码 sheet (A4 portrait), printed at the 保存恢复码 step: which office and day, the code in
// its 8 groups, where to keep the sheet, and what the code is for — the one way to open the
// encrypted data file, its backups and packages anywhere but this PC, and that nobody can recover
// it. Plain text only; the code is escaped like every other field.
import { formatDateCn } from '../../core/dates';
import { recoveryCodeGroups } from '../../core/recoveryCode';
import { esc, printDocument } from './html';

export interface RecoveryCodeSheet {
  /** The office's full name (单位名称), or its county/city name when none is set. */
  unitName: string;
  /** 区划代码 of the office. */
  code: string;
  /** YYYY-MM-DD: the day the code was issued. */
  date: string;
  recoveryCode: string;
}

export const RECOVERY_SHEET_TITLE = '普查办工作台 · 数据恢复码';

const CSS = `
.page { padding-top: 6mm; }
table.meta { width: 100%; border-collapse: collapse; margin: 4mm 0 6mm; font-size: 11pt; }
table.meta td { border: 0.75pt solid #000; padding: 2mm 3mm; }
table.meta td.label { width: 24%; font-weight: bold; text-align: center; }
.code { display: flex; flex-wrap: wrap; justify-content: center; gap: 4mm 6mm; margin: 4mm 0 8mm; }
.code .group { text-align: center; }
.code .digits { font-family: "Consolas", "Courier New", "DejaVu Sans Mono", monospace; font-size: 26pt;
  letter-spacing: 1.5mm; border: 1pt solid #000; padding: 2mm 4mm; }
.code .no { font-size: 9pt; margin-top: 1mm; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: normal; font-size: 12pt; margin: 5mm 0 2mm; }
ol, ul { margin: 0; padding-left: 7mm; font-size: 11pt; line-height: 1.7; }
.warn { border: 1.5pt solid #000; padding: 3mm 4mm; margin-top: 6mm; font-size: 11pt; font-weight: bold; }
.sign { margin-top: 12mm; text-align: right; font-size: 11pt; }
`;

export function renderRecoveryCodeSheet(sheet: RecoveryCodeSheet): string {
  const groups = recoveryCodeGroups(sheet.recoveryCode)
    .map((g, i) => `<div class="group"><div class="digits">${esc(g)}</div><div class="no">第${i + 1}组</div></div>`)
    .join('');
  const body = `<style>${CSS}</style><div class="page">
<h1>${esc(RECOVERY_SHEET_TITLE)}</h1>
<table class="meta"><tbody>
<tr><td class="label">普查办</td><td data-field="unitName">${esc(sheet.unitName)}</td></tr>
<tr><td class="label">区划代码</td><td data-field="code">${esc(sheet.code)}</td></tr>
<tr><td class="label">生成日期</td><td data-field="date">${esc(formatDateCn(sheet.date))}</td></tr>
</tbody></table>
<h2>恢复码（共8组，每组4位数字）</h2>
<div class="code" data-testid="recovery-sheet-code">${groups}</div>
<h2>恢复码的用途</h2>
<ul>
<li>本单位的数据文件、所有备份和数据包都已加密，只有这个恢复码能打开它们。</li>
<li>在这台电脑上，桌面版普查办工作台会自动打开数据；换电脑、重装系统、在浏览器中使用，或打开备份、数据包时，需要输入恢复码。</li>
</ul>
<h2>保管要求</h2>
<ol>
<li>本页打印后由管理员签字，与单位公章、财务凭证一样锁在保险柜或档案柜中；建议另存一份在单位负责人处。</li>
<li>不要与电脑放在一起，不要拍照，不要存放在电脑、U盘、网盘、微信或电子邮件中。</li>
<li>人员交接时，本页随普查档案一并移交。</li>
</ol>
<div class="warn">没有这个恢复码，又不能使用这台电脑时，数据和所有备份都将无法打开。恢复码只在生成时显示一次，任何人——包括软件开发者——都无法找回或重新生成。</div>
<div class="sign">管理员签字：＿＿＿＿＿＿\u3000\u3000保管人签字：＿＿＿＿＿＿\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日</div>
</div>`;
  return printDocument(RECOVERY_SHEET_TITLE, 'portrait', body);
}
