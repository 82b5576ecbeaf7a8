// The 登记表 as a print view (A4 portrait): the grid of core/reports/registration.ts with a photo
// box, the training record, the pledge with the signature line and the two opinion boxes.
import {
  PHOTO_ROWS,
  REGISTRATION_GRID,
  REGISTRATION_TRAINING,
  type RegistrationCell,
  type RegistrationDoc,
} from '../../core/reports/registration';
import { esc, escLines, printDocument } from './html';

/** Column widths in percent (REGISTRATION_COLUMNS of them): labels narrow, the photo column a 1-inch photo's width. */
const WIDTHS = [13, 17, 11, 15, 13, 14, 17];
/** The training record's columns, in percent. */
const TRAINING_WIDTHS = [6, 34, 22, 10, 10, 8, 10];

function gridRow(doc: RegistrationDoc, cells: readonly RegistrationCell[], i: number): string {
  const tds = cells.map((c) =>
    'label' in c
      ? `<td class="label"${c.span ? ` colspan="${c.span}"` : ''}>${esc(c.label)}</td>`
      : `<td class="value" data-field="${esc(c.key)}"${c.span ? ` colspan="${c.span}"` : ''}>${esc(doc.fields[c.key])}</td>`,
  );
  if (i === 0) tds.push(`<td class="photo" rowspan="${PHOTO_ROWS}">照片<br>（一寸）</td>`);
  return `<tr>${tds.join('')}</tr>`;
}

const CSS = `
table.reg td { height: 8.5mm; }
table.reg td.label { font-weight: bold; text-align: center; font-size: 9.5pt; }
table.reg td.value { text-align: left; }
table.reg td.photo { text-align: center; color: #555; font-size: 9pt; }
table.reg td.box { height: 28mm; vertical-align: top; }
table.reg td.box .sign { margin-top: 14mm; text-align: right; padding-right: 6mm; }
table.train td { text-align: center; }
table.train td.name { text-align: left; }
.section { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; margin: 3mm 0 1mm; }
.pledge { margin: 3mm 0 0; text-indent: 2em; }
.signline { margin: 4mm 0 0; text-align: right; padding-right: 6mm; }
`;

export function renderRegistrationSheet(doc: RegistrationDoc): string {
  const cols = WIDTHS.map((w) => `<col style="width:${w}%">`).join('');
  const grid = REGISTRATION_GRID.map((cells, i) => gridRow(doc, cells, i)).join('\n');
  const trainings = doc.trainings.length
    ? doc.trainings
        .map((r) => `<tr>${r.map((v, i) => `<td${i === 1 ? ' class="name"' : ''}>${esc(v)}</td>`).join('')}</tr>`)
        .join('\n')
    : `<tr><td colspan="${REGISTRATION_TRAINING.length}">暂无培训记录</td></tr>`;
  const body = `<style>${CSS}</style><div class="page">
<h1>${esc(doc.title)}</h1>
<div class="unit-line"><div class="left">${escLines(doc.unitLine.left)}</div><div class="centre">${escLines(doc.unitLine.centre)}</div><div class="right">${escLines(doc.unitLine.right)}</div></div>
<table class="sheet reg" data-testid="registration-grid"><colgroup>${cols}</colgroup><tbody>${grid}</tbody></table>
<div class="section">培训情况</div>
<table class="sheet train compact"><colgroup>${TRAINING_WIDTHS.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>
<thead><tr>${REGISTRATION_TRAINING.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>${trainings}</tbody></table>
<p class="pledge">${esc(doc.pledge)}</p>
<p class="signline">本人签字：＿＿＿＿＿＿\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日</p>
<table class="sheet reg"><colgroup><col style="width:50%"><col style="width:50%"></colgroup><tbody><tr>${doc.opinions
    .map(
      (o) =>
        `<td class="box"><div>${esc(o)}：</div><div class="sign">（盖章）\u3000\u3000年\u3000\u3000月\u3000\u3000日</div></td>`,
    )
    .join('')}</tr></tbody></table>
</div>`;
  return printDocument(doc.title, 'portrait', body);
}
