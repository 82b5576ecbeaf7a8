// 下载导入模板: for each import kind a workbook the importer reads with no mapping step — one header
// row of the exact column names it recognises (each field's label), one example row, the columns
// of IDs, codes and phones formatted as text (Excel would otherwise turn an 18-digit ID into
// 1.10105E+17 and drop its last digits), dropdowns (data validation lists) for the enumerations,
// yes/no columns and the office's townships, and a 填表说明 sheet saying what each column takes.
import ExcelJS from 'exceljs';
import { IMPORT_KIND_LABELS, type ImportKind } from '../../core/imports/kinds';
import type { ImportField } from '../../core/imports/types';
import type { HandlerCtx } from '../context';
import { importers } from './kinds';
import { exampleRow, type Office } from './templateExamples';

/** Rows the formats and dropdowns cover (a county's roster is a few thousand people). */
const ROWS = 5000;
/** Fields typed as text but holding phone numbers: text too, or Excel drops a landline's leading 0. */
const PHONE_KEYS = new Set(['mobile', 'landline', 'phone', 'guestPhone', 'managerPhone']);
const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } } as const;
const EXAMPLE_FONT = { italic: true, color: { argb: 'FF808080' } };
const LISTS_SHEET = '下拉选项';

const isText = (f: ImportField) => f.type === 'code' || PHONE_KEYS.has(f.key);

/** What a dropdown offers for a field, or null: enumerations, yes/no, the office's townships. */
function choicesOf(f: ImportField, office: Office): readonly string[] | null {
  if (f.values?.length) return f.values;
  if (f.type === 'bool') return ['是', '否'];
  if (f.key === 'township' && office.townships.length) return office.townships;
  return null;
}

/** The 填表说明 line of one field. */
function noteOf(f: ImportField, choices: readonly string[] | null): string {
  const parts: string[] = [];
  if (f.hint) parts.push(f.hint);
  if (f.type === 'date') parts.push('日期写作 2018-03-05（也可 2018.3.5、2018/3/5、2018年3月5日、20180305）');
  if (f.type === 'money') parts.push('金额以元为单位，如 1234.56；表头写作“…（万元）”时以万元为单位');
  if (f.type === 'list') parts.push('可填多项，用顿号分隔，如“普查员、普查指导员”');
  if (f.type === 'code') parts.push('本列已设为文本格式，请勿改为数字格式');
  if (f.key === 'mobile') parts.push('11位手机号；填固定电话的会存入固定电话');
  if (f.key === 'landline') parts.push('区号-号码，如 0838-1234567，可带分机号 0838-1234567-801');
  if (f.key === 'idNumber') parts.push('18位公民身份号码，末位 X 大写小写均可；15位旧号码可导入但会提示');
  if (choices && f.key === 'township') parts.push('下拉列出本县已录入的乡镇（街道），也可填9位代码');
  else if (choices && f.type !== 'bool') parts.push(`可选：${choices.join('、')}`);
  return parts.join('；');
}

export interface TemplateFile {
  fileName: string;
  contentBase64: string;
}

function officeOf(ctx: HandlerCtx): Office {
  const p = ctx.db.prepare('SELECT county_code FROM office_profile WHERE id = 1').get() as
    { county_code: string } | undefined;
  const first = ctx.db.prepare('SELECT code, name FROM townships ORDER BY code').all() as {
    code: string;
    name: string;
  }[];
  const agencies = ctx.db.prepare('SELECT name FROM agencies ORDER BY id LIMIT 1').pluck().all() as string[];
  const holder = ctx.db.prepare('SELECT name, person_code AS personCode FROM people ORDER BY id LIMIT 1').get() as
    Office['holder'] | undefined;
  const codes = ctx.db
    .prepare(
      'SELECT code FROM townships UNION ALL SELECT code FROM villages UNION ALL SELECT code FROM census_districts',
    )
    .pluck()
    .all() as string[];
  return {
    countyCode: p?.county_code ?? null,
    townships: first.map((t) => t.name),
    townshipCode: first[0]?.code ?? null,
    takenCodes: new Set(codes),
    agency: agencies[0] ?? null,
    holder: holder ?? null,
  };
}

/**
 * One validation over a whole range (exceljs 4.4 has it at run time, squeezed into one sqref on
 * write, but not in its typings); a validation per cell would be 5000 entries a column.
 */
const validations = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { add: (range: string, dv: ExcelJS.DataValidation) => void } }).dataValidations;

/** A sheet range as an absolute reference a data validation can name. */
const listRange = (col: string, n: number) => `'${LISTS_SHEET}'!$${col}$1:$${col}$${n}`;

export async function importTemplate(input: { kind: ImportKind }, ctx: HandlerCtx): Promise<TemplateFile> {
  const { fields } = importers[input.kind];
  const label = IMPORT_KIND_LABELS[input.kind];
  const office = officeOf(ctx);
  const wb = new ExcelJS.Workbook();
  wb.creator = '普查办工作台';
  const ws = wb.addWorksheet(label.replace(/[\\/?*[\]:]/g, '').slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const help = wb.addWorksheet('填表说明');
  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });

  ws.columns = fields.map((f) => ({
    header: f.label,
    key: f.key,
    width: Math.max(10, Math.min(30, f.label.length * 2 + 4)),
    style: isText(f) ? { numFmt: '@' } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  fields.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = HEADER_FILL;
    if (f.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    cell.note = [f.required ? '必填' : '选填', f.hint ?? ''].filter(Boolean).join('：');
  });

  // The example row: text where the column is text, so it reads back exactly as written.
  const example = exampleRow(input.kind, fields, office);
  const row = ws.getRow(2);
  fields.forEach((f, i) => {
    const v = example[f.key];
    if (v !== undefined && v !== null && v !== '') row.getCell(i + 1).value = v;
    row.getCell(i + 1).font = EXAMPLE_FONT;
  });

  // Dropdowns: the choices on a hidden sheet (an inline list is capped at 255 characters: 民族 has 58).
  let listCol = 0;
  fields.forEach((f, i) => {
    const choices = choicesOf(f, office);
    if (!choices) return;
    const col = ws.getColumn(i + 1).letter;
    const listLetter = lists.getColumn(++listCol).letter;
    choices.forEach((c, r) => (lists.getCell(r + 1, listCol).value = c));
    // A list column may hold several values (普查员、普查指导员): offered, not enforced. An
    // enumeration warns (the importer also reads common other spellings, 汉 → 汉族).
    validations(ws).add(`${col}2:${col}${ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [listRange(listLetter, choices.length)],
      showErrorMessage: f.type !== 'list',
      errorStyle: 'warning',
      errorTitle: f.label,
      error: `请从下拉列表中选择${f.label}`,
    });
  });

  help.columns = [
    { header: '列名', width: 22 },
    { header: '是否必填', width: 10 },
    { header: '填写说明', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  fields.forEach((f) => {
    const r = help.addRow([f.label, f.required ? '必填' : '选填', noteOf(f, choicesOf(f, office))]);
    r.alignment = { wrapText: true, vertical: 'top' };
    if (f.required) r.getCell(2).font = { color: { argb: 'FFC00000' }, bold: true };
  });
  help.addRow([]);
  for (const line of [
    `第 1 行是表头，列名请勿修改（列的顺序可以调整，不用的选填列可以删除）；从第 2 行起每行一条${label === '人员花名册' ? '人员' : '记录'}。`,
    '第 2 行（灰色斜体）是示例，请改写为实际内容或整行删除，不要原样导入。',
    '身份证号、代码、电话等列已设为文本格式：请直接输入或“选择性粘贴 → 数值”，不要改为数字格式。',
    '带下拉箭头的列可从列表中选择；人员类别、服务内容等可填多项，用顿号分隔。',
    '同一文件可以多次导入：已登记的记录按关键列（如公民身份号码、代码）更新，空单元格不会清除已有内容。',
  ]) {
    const r = help.addRow([line]);
    help.mergeCells(r.number, 1, r.number, 3);
    r.alignment = { wrapText: true };
  }

  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${label}导入模板.xlsx`, contentBase64: bytes.toString('base64') };
}
