// intake.receive and intake.accept through dispatch in a city office (南充市): county R2s exported
// by the county app (zips: zip.test.ts), each filed or refused with the right reason; refusals leave received_reports as it was; a
// version replaces the older one and keeps it; a DIGEST refusal is filed with a note, audited.
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import type { TestBackend } from '../helpers/backend';
import { tempBackend } from '../helpers/backend';
import { nowCtx } from '../reports/helpers';
import { buildZip } from './zipWriter';
import { edited, filedRows, intakeFiles, receive, type Received } from './fixtures';

const { f, city: fresh, track } = intakeFiles();

const setMeta = (key: string, value: string) => (wb: ExcelJS.Workbook) =>
  wb.getWorksheet('_meta')!.eachRow((row) => {
    if (row.getCell(1).value === key) row.getCell(2).value = value;
  });

const one = (r: Received) => {
  expect(r.results).toHaveLength(1);
  return r.results[0];
};

const fileRow = (b: TestBackend, id: number) =>
  b.db.prepare('SELECT * FROM intake_files WHERE id = ?').get(id) as Record<string, unknown>;

const auditAfter = (b: TestBackend, id: number) =>
  b.db.prepare('SELECT action, entity, entity_id, after_json FROM audit_log WHERE id > ? ORDER BY id').all(id) as {
    action: string;
    entity: string;
    entity_id: number | null;
    after_json: string;
  }[];
const auditHead = (b: TestBackend) =>
  (b.db.prepare('SELECT coalesce(max(id), 0) AS n FROM audit_log').get() as { n: number }).n;

describe('one workbook at a time', () => {
  it('files a new report with its bytes, hash and summary, and one audit entry for the file besides the call', async () => {
    const b = await fresh();
    const head = auditHead(b);
    const r = one(await receive(b, '蓬安县_工作进度月报_2018年10月_v1.xlsx', f.pengan1, nowCtx, { batchId: 'b1' }));
    expect(r).toMatchObject({
      fileName: '蓬安县_工作进度月报_2018年10月_v1.xlsx',
      container: null,
      outcome: '新收',
      reasonCode: null,
      unitCode: '511323',
      unitName: '蓬安县',
      period: '2018-10',
      periodText: '2018年10月',
      version: 1,
      acceptable: false,
    });
    const row = fileRow(b, r.fileId);
    expect(Buffer.compare(row.bytes as Buffer, f.pengan1)).toBe(0);
    expect(row).toMatchObject({ outcome: '新收', batch_id: 'b1', size: f.pengan1.length, unit_code: '511323' });
    const [filed] = filedRows(b);
    expect(filed).toMatchObject({ id: r.reportId, unit_code: '511323', period: '2018-10', version: 1, level: '县' });
    expect(filed).toMatchObject({ digest_ok: 1, file_id: r.fileId, replaced_by: null });
    const summary = JSON.parse(String(filed.summary_json));
    expect(summary).toMatchObject({
      unitCode: '511323',
      unitName: '蓬安县',
      level: '县',
      period: '2018-10',
      version: 1,
    });
    expect(summary.progress['01']).toBeTruthy();
    const entries = auditAfter(b, head);
    expect(entries.map((e) => [e.action, e.entity])).toEqual([
      ['receive', 'intake'],
      ['intake', 'intake_file'],
    ]);
    expect(entries[1].entity_id).toBe(r.fileId);
    expect(JSON.parse(entries[1].after_json)).toMatchObject({ outcome: '新收', unitCode: '511323', version: 1 });
  });

  it('files v2 after v1 as 新版本, keeping v1 with replaced_by; v1 after v2 is OLDER_VERSION; another v1 is VERSION_CLASH', async () => {
    const b = await fresh();
    const v1 = one(await receive(b, 'v1.xlsx', f.pengan1));
    const v2 = one(await receive(b, 'v2.xlsx', f.pengan2));
    expect(v2).toMatchObject({ outcome: '新版本', version: 2, replacedVersion: 1 });
    expect(v2.reason).toContain('替换第1版');
    const rows = filedRows(b);
    expect(rows.map((r) => [r.version, r.replaced_by])).toEqual([
      [1, v2.reportId],
      [2, null],
    ]);
    expect(rows[1].correction_reason).toBe('经费支出漏报一笔');
    const before = filedRows(b);
    // v1 resaved (other bytes, same figures) after v2: v1 is filed already.
    expect(one(await receive(b, 'v1另存.xlsx', await edited(f.pengan1, () => {})))).toMatchObject({
      outcome: '重复',
      reasonCode: 'SAME_REPORT',
      version: 1,
    });
    expect(one(await receive(b, '蓬安县另一台电脑.xlsx', f.penganClash))).toMatchObject({
      outcome: '拒收',
      reasonCode: 'VERSION_CLASH',
    });
    expect(filedRows(b)).toEqual(before);
    // v1 arriving only after v2.
    const late = await fresh();
    one(await receive(late, 'v2.xlsx', f.pengan2));
    const r = one(await receive(late, 'v1.xlsx', f.pengan1));
    expect(r).toMatchObject({ outcome: '拒收', reasonCode: 'OLDER_VERSION', version: 1 });
    expect(r.reason).toMatch(/^已收取较新的第2版（2018-11-30 \d\d:\d\d），这是较早的第1版，未归档（原文件已保存）$/);
    expect(filedRows(late)).toHaveLength(1);
    expect(v1.reportId).toBe(rows[0].id);
  });

  it('ignores the same file again (no second copy of the bytes) and the same report in other bytes, saying so', async () => {
    const b = await fresh();
    const first = one(await receive(b, '顺庆区.xlsx', f.shunqing));
    const before = filedRows(b);
    const again = one(await receive(b, '顺庆区(1).xlsx', f.shunqing));
    expect(again).toMatchObject({ outcome: '重复', reasonCode: 'SAME_FILE', unitCode: '511302', version: 1 });
    expect(again.reason).toMatch(/^与 2018-11-30 \d\d:\d\d 收取的文件完全相同，未重复归档$/);
    expect(fileRow(b, again.fileId).bytes).toBeNull();
    const resaved = one(await receive(b, '顺庆区-另存.xlsx', await edited(f.shunqing, () => {})));
    expect(resaved).toMatchObject({ outcome: '重复', reasonCode: 'SAME_REPORT', version: 1 });
    expect(resaved.reason).toContain('数据摘要一致');
    expect(filedRows(b)).toEqual(before);
    // The duplicate downloads as the file it duplicates.
    const dl = await b.ok('intake.download', { fileId: again.fileId });
    expect(Buffer.from(dl.base64!, 'base64').equals(f.shunqing)).toBe(true);
    expect(first.fileId).not.toBe(again.fileId);
  });

  it('refuses with the reason, keeps the bytes, and leaves received_reports unchanged', async () => {
    const b = await fresh();
    await receive(b, 'v1.xlsx', f.pengan1);
    const cases: [string, Buffer, string, RegExp][] = [
      ['嘉陵区草稿.xlsx', f.jialingDraft, 'DRAFT', /嘉陵区2018年10月的草稿，不是正式报送版本/],
      ['高坪区.xlsx', f.gaoping, 'NOT_A_UNIT', /^高坪区（511303）不在本市县（区）名单中：请先在设置中添加$/],
      [
        '翠屏区.xlsx',
        f.otherCity,
        'OTHER_CITY',
        /来自其他市（州）：翠屏区（区划代码 511502，市（州）代码 5115），本市代码 5113/,
      ],
      ['南部县.xlsx', f.nanbuEdited, 'DIGEST', /数据摘要与工作簿内容不符.*进度调度表/],
      ['经费表.xlsx', f.budgetReport, 'NOT_MONTHLY', /不是工作进度月报/],
      ['格式.xlsx', await edited(f.yingshan, setMeta('layoutVersion', '9')), 'LAYOUT_UNKNOWN', /报表格式版本为 9/],
      [
        '市级.xlsx',
        await edited(f.yingshan, setMeta('level', '市')),
        'WRONG_LEVEL',
        /这是市级汇总表：市普查办收取各县（区）的月报/,
      ],
      [
        '无标识.xlsx',
        await edited(f.yingshan, (wb) => wb.removeWorksheet(wb.getWorksheet('_meta')!.id)),
        'NO_META',
        /缺少标识信息/,
      ],
      ['半截.xlsx', f.yingshan.subarray(0, 5000), 'DAMAGED', /半截\.xlsx/],
      ['说明.xlsx', Buffer.from('这不是工作簿'), 'NOT_MONTHLY', /不是工作进度月报/],
    ];
    for (const [name, bytes, code, reason] of cases) {
      const before = filedRows(b);
      const r = one(await receive(b, name, bytes));
      expect(r, name).toMatchObject({ outcome: '拒收', reasonCode: code, reportId: null });
      expect(r.reason, name).toMatch(reason);
      expect(r.acceptable, name).toBe(code === 'DIGEST');
      expect(filedRows(b), name).toEqual(before);
      const row = fileRow(b, r.fileId);
      expect(Buffer.compare(row.bytes as Buffer, bytes), name).toBe(0);
      expect(row, name).toMatchObject({ outcome: '拒收', reason_code: code });
    }
  });

  it('names the sheets and cells of a DIGEST refusal, and files it with a note (附说明接收), audited', async () => {
    const b = await fresh();
    const r = one(await receive(b, '南部县.xlsx', f.nanbuEdited));
    expect(r.findings.map((x) => [x.kind, x.sheet, x.cell])).toEqual(
      expect.arrayContaining([
        ['digest', '_meta', expect.stringMatching(/^B\d+$/)],
        ['total', '进度调度表', 'C5'],
      ]),
    );
    const head = auditHead(b);
    const accepted = await b.ok('intake.accept', { fileId: r.fileId, note: '南部县电话确认：C6 为更正后的数字' });
    expect(accepted).toMatchObject({
      outcome: '附说明接收',
      reasonCode: 'DIGEST',
      unitCode: '511321',
      version: 1,
      fileId: r.fileId,
      acceptable: false,
    });
    const [filed] = filedRows(b);
    expect(filed).toMatchObject({
      id: accepted.reportId,
      digest_ok: 0,
      accept_note: '南部县电话确认：C6 为更正后的数字',
      file_id: r.fileId,
    });
    // The summary carries the figures as the file has them.
    expect(JSON.parse(String(filed.summary_json)).progress['02'].values.c1).toBe(999);
    expect(fileRow(b, r.fileId).outcome).toBe('附说明接收');
    const entries = auditAfter(b, head);
    expect(entries.map((e) => [e.action, e.entity, e.entity_id])).toEqual([['accept', 'intake_file', r.fileId]]);
    expect(JSON.parse(entries[0].after_json)).toMatchObject({ note: '南部县电话确认：C6 为更正后的数字' });
    expect(await b.err('intake.accept', { fileId: r.fileId, note: '再次' })).toMatchObject({
      code: 'ALREADY_ACCEPTED',
    });
    const draft = one(await receive(b, '嘉陵区草稿.xlsx', f.jialingDraft));
    expect(await b.err('intake.accept', { fileId: draft.fileId, note: '说明' })).toMatchObject({
      code: 'NOT_ACCEPTABLE',
      message: expect.stringContaining('只有因数据摘要不符而拒收的文件可以附说明接收'),
    });
    expect(await b.err('intake.accept', { fileId: r.fileId, note: '' })).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('is refused in a county office, which sends reports and takes none in', async () => {
    const b = track(tempBackend());
    await b.ok('setup.init', {
      office: {
        countyName: '蓬安县',
        countyCode: '511323',
        cityName: '南充市',
        cityCode: '5113',
        unitName: '蓬安县污普办',
      },
      admin: { name: 'admin', password: 'demo1234' },
    });
    const before = b.snapshot();
    expect(await b.err('intake.receive', { fileName: 'a.xlsx', base64: f.shunqing.toString('base64') })).toMatchObject({
      code: 'NOT_RECEIVING_OFFICE',
    });
    expect(b.snapshot()).toEqual(before);
  });
});

describe('all or nothing', () => {
  it('files nothing of a zip when filing one of its workbooks fails, and writes no audit entry', async () => {
    const b = await fresh();
    // A failure on the second workbook, inside the transaction (as a full disk or a crash would).
    b.db.exec(`CREATE TEMP TRIGGER fail_yingshan BEFORE INSERT ON received_reports WHEN NEW.unit_code = '511322'
               BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    const before = b.snapshot();
    const zip = buildZip([
      { name: '顺庆区.xlsx', data: f.shunqing },
      { name: '营山县.xlsx', data: f.yingshan },
    ]);
    const res = await b.dispatch('intake.receive', { fileName: 'z.zip', base64: zip.toString('base64') }, nowCtx);
    expect(res.ok).toBe(false);
    expect(b.snapshot()).toEqual(before);
    b.db.exec('DROP TRIGGER fail_yingshan');
    const r = await receive(b, 'z.zip', zip);
    expect(r.results.map((x) => x.outcome)).toEqual(['新收', '新收']);
  });
});
