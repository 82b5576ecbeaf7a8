// 下载导入模板: each kind's template has the importer's own headers, an example row, text-formatted
// ID/code/phone columns, dropdowns for the enumerations and the office's townships, and a 填表说明
// sheet; a filled template imports with no mapping step. Through dispatch, and over HTTP the way
// browser mode downloads it (a download reference, then GET /api/download/<id>).
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_KINDS } from '../../core/imports/kinds';
import type { TestBackend } from '../helpers/backend';
import { client, setUp } from '../transports/client';
import { countyBackend, upload } from './helpers';
import { makeId } from './make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

async function template(kind: (typeof IMPORT_KINDS)[number]) {
  const t = await b.ok('import.template', { kind });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(t.contentBase64, 'base64') as unknown as ArrayBuffer);
  return { t, wb, ws: wb.worksheets[0] };
}

const headerOf = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1);
const columnOf = (ws: ExcelJS.Worksheet, header: string) => headerOf(ws).indexOf(header) + 1;

async function bytesOf(wb: ExcelJS.Workbook) {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the template of each kind', () => {
  it.each(IMPORT_KINDS)(
    '%s: the importer’s headers, an example row, 填表说明; read back with every column mapped',
    async (kind) => {
      const { t, wb, ws } = await template(kind);
      const kinds = await b.ok('import.kinds', {});
      const fields = kinds.find((k) => k.kind === kind)!.fields;
      expect(t.fileName).toMatch(/导入模板\.xlsx$/);
      expect(headerOf(ws)).toEqual(fields.map((f) => f.label));
      expect((ws.getRow(2).values as unknown[]).filter((v) => v !== null && v !== undefined).length).toBeGreaterThan(1);
      const help = wb.getWorksheet('填表说明')!;
      expect(help.getColumn(1).values.slice(2, 2 + fields.length)).toEqual(fields.map((f) => f.label));
      expect(wb.getWorksheet('下拉选项')?.state).toBe('hidden');

      // The template as it is: recognised at once, nothing to map.
      const up = await upload(
        b,
        kind,
        t.fileName,
        await bytesOf(wb),
        kind === 'attendance' ? { trainingId: await training() } : {},
      );
      const p = await b.ok('import.preview', { importId: up.importId });
      expect(p.mappingSource).toBe('guess');
      expect(p.columns.filter((c) => c.field === null)).toEqual([]);
      expect(p.problems).toEqual([]);
      expect(p.header).toEqual({ first: 1, last: 1 });
    },
  );

  it('formats ID and phone columns as text and offers dropdowns for enumerations and townships', async () => {
    const { ws } = await template('person');
    for (const h of ['公民身份号码', '手机', '固定电话', '银行卡号', '人员编号'])
      expect(ws.getColumn(columnOf(ws, h)).numFmt, h).toBe('@');
    const dv = (h: string) => ws.getCell(3, columnOf(ws, h)).dataValidation;
    expect(dv('人员类别')).toMatchObject({
      type: 'list',
      formulae: [expect.stringMatching(/^'下拉选项'!\$[A-Z]+\$1:\$[A-Z]+\$7$/)],
    });
    expect(dv('民族')).toMatchObject({ type: 'list' });
    expect(dv('所属乡镇（街道）')).toMatchObject({ type: 'list', formulae: [expect.stringMatching(/\$10$/)] });
    const lists = ws.workbook.getWorksheet('下拉选项')!;
    const col = /^'下拉选项'!\$([A-Z]+)\$/.exec(dv('所属乡镇（街道）')!.formulae[0] as string)![1];
    expect(lists.getColumn(col).values.slice(1, 3)).toEqual(['相如街道', '锦屏镇']);
  });
});

async function training() {
  const s = await b.ok('training.create', {
    name: '清查培训',
    kind: '清查技术',
    hostLevel: '县',
    startDate: '2018-07-01',
    endDate: '2018-07-02',
  });
  return s.id;
}

describe('a filled template', () => {
  it('imports with no mapping step: the example replaced, rows added as a clerk types them', async () => {
    const { t, wb, ws } = await template('person');
    const at = (h: string) => columnOf(ws, h);
    const people = [
      {
        姓名: '王芳',
        公民身份号码: makeId('19850505', '246'),
        人员类别: '普查指导员',
        民族: '汉族',
        手机: '13800000001',
        '所属乡镇（街道）': '锦屏镇',
      },
      {
        姓名: '李强',
        公民身份号码: makeId('19900909', '357'),
        人员类别: '普查员、普查指导员',
        民族: '回族',
        固定电话: '0817-2345678',
        '所属乡镇（街道）': '巨龙镇',
        聘用开始日期: '2018-03-05',
      },
      {
        姓名: '赵敏',
        公民身份号码: makeId('19920202', '468'),
        人员类别: '普查员',
        手机: '13900000002',
        所属普查指导员: '王芳',
      },
    ];
    ws.spliceRows(2, 1); // the example row goes, as the 填表说明 asks
    people.forEach((p, i) => {
      for (const [h, v] of Object.entries(p)) ws.getCell(2 + i, at(h)).value = v;
    });
    const up = await upload(b, 'person', t.fileName, await bytesOf(wb));
    const p = await b.ok('import.preview', { importId: up.importId });
    expect(p.columns.filter((c) => c.field === null)).toEqual([]);
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ rows: 3, new: 3 });
    const done = await b.ok('import.commit', { importId: up.importId, onExisting: 'update' });
    expect(done.created).toBe(3);
    const stored = (await b.ok('person.list', {})).rows;
    expect(
      Object.fromEntries(stored.map((x) => [x.name, [x.roles, x.townshipName, x.landline, x.supervisorName]])),
    ).toEqual({
      王芳: [['普查指导员'], '锦屏镇', null, null],
      李强: [['普查员', '普查指导员'], '巨龙镇', '0817-2345678', null],
      赵敏: [['普查员'], null, null, '王芳'],
    });
  });

  it('the example row itself is a valid row (its values are in the forms the importer takes)', async () => {
    const { t, wb } = await template('person');
    const up = await upload(b, 'person', t.fileName, await bytesOf(wb));
    const p = await b.ok('import.preview', { importId: up.importId });
    expect(p.errors).toEqual([]);
    expect(p.rows[0].values).toMatchObject({ name: '张三（示例）', roles: ['普查员'] });
  });

  it('of every kind is a new record, never an update of a stored one (锦屏镇 511323100 is not renamed 示例镇)', async () => {
    const trainingId = await training();
    for (const kind of IMPORT_KINDS) {
      const { t, wb } = await template(kind);
      const up = await upload(b, kind, t.fileName, await bytesOf(wb), kind === 'attendance' ? { trainingId } : {});
      const p = await b.ok('import.preview', { importId: up.importId });
      // A contract's example names the office's first agency, a device's the first roster person;
      // with none stored the row says to add one.
      const expected = kind === 'contract' || kind === 'device' ? { errors: 1 } : { new: 1, valid: 1 };
      expect({ kind, ...p.counts }).toMatchObject({ kind, update: 0, ...expected });
    }
  });
});

describe('over HTTP, as browser mode downloads it', () => {
  it('the answer names a download; the bytes come from GET /api/download/<id>', async () => {
    const c = await client();
    try {
      const admin = await setUp(c);
      const r = await c.post('import.template', { kind: 'township' }, admin);
      expect(r.json.ok).toBe(true);
      const ref = r.json.data!.contentBase64 as string;
      expect(r.json.data!.fileName).toBe('乡镇（街道）导入模板.xlsx');
      const res = await c.download(ref);
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
      expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual([
        '乡镇（街道）代码',
        '乡镇（街道）名称',
        '备注',
      ]);
    } finally {
      await c.close();
    }
  });
});
