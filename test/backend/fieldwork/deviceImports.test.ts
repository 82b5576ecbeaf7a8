// The 设备与账号 register imported from Excel, through dispatch (upload → preview → commit): the holder
// found on the roster by 人员编号, a complete 公民身份号码 or a unique 姓名, rows keyed on 类别 +
// 编号/账号 (a second import updates the dates), and device.create's rules as row errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../../helpers/backend';
import { countyBackend, upload, type Preview } from '../../imports/helpers';
import { makeId, sheet } from '../../imports/make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend({ townships: false });
});
afterEach(() => b.dispose());

const HEADER = ['类别', '设备编号', '型号', '领用人', '身份证号', '人员编号', '发放日期', '归还日期', '状态'];
async function stage(rows: unknown[][]) {
  const up = await upload(b, 'device', 'devices.xlsx', sheet([HEADER, ...rows] as never));
  const p = await b.ok('import.preview', { importId: up.importId, pageSize: 1000 });
  return { importId: up.importId, p };
}
async function commit(rows: unknown[][]) {
  const { importId, p } = await stage(rows);
  const done = await b.ok('import.commit', { importId, onExisting: 'update', acceptDuplicateFile: true });
  return { p, done };
}
const reasons = (p: Preview) => p.errors.map((e) => [e.row, e.message]);
const person = (name: string, seq: string) =>
  b.ok('person.create', { name, roles: ['普查员'], idNumber: makeId('19850101', seq), hireStart: '2018-03-01' });
const devices = async () =>
  (await b.ok('device.list', { pageSize: 100 })).rows
    .map((r) => [r.kind, r.identifier, r.personName, r.handedDate, r.returnedDate])
    .sort((x, y) => `${x[1]}|${x[3]}`.localeCompare(`${y[1]}|${y[3]}`));

describe('设备与账号 import', () => {
  it('finds the holder by 人员编号, 公民身份号码 or a unique name; a second import updates the dates', async () => {
    await person('张三', '123');
    const li = await person('李四', '135');
    const wang = await person('王五', '157');
    await person('王五', '179');
    const { p, done } = await commit([
      ['PAD', 'PAD-0001', '华为 M5', '张三', null, null, '2018-07-20', null, null],
      ['账号', '511323-pc-0007', null, '李四', li.idNumber, null, '2018/7/20', null, '正常'],
      ['PAD', 'PAD-0002', null, '王五', null, null, '2018-07-20', null, null],
      ['平板', 'PAD-0003', null, null, null, wang.personCode, '2018年7月21日', null, null],
      ['PAD', 'PAD-0004', null, '赵六', null, null, '2018-07-20', null, null],
      ['PAD', 'PAD-0005', null, '张三', null, null, '2018-07-20', '2018-07-01', null],
      ['PAD', 'PAD-0001', null, '李四', null, null, '2018-07-22', null, null],
      ['PAD', 'PAD-0006', null, '李四', '5113231985****1357', null, '2018-07-20', null, null],
    ]);
    expect(reasons(p)).toEqual([
      [4, '第4行：花名册中有2人名为“王五”，请填写人员编号或公民身份号码以区分'],
      [6, '第6行：花名册中没有名为“赵六”的人员'],
      [7, '归还日期（2018-07-01）不能早于发放日期（2018-07-20）'],
      [8, '与第2行重复：类别和编号/账号相同'],
      [9, '第9行：公民身份号码“5113231985****1357”不完整，请填写完整的号码或人员编号'],
    ]);
    expect(done).toMatchObject({ created: 3, rejected: 5 });
    expect(await devices()).toEqual([
      ['系统账号', '511323-pc-0007', '李四', '2018-07-20', null],
      ['PAD', 'PAD-0001', '张三', '2018-07-20', null],
      ['PAD', 'PAD-0003', '王五', '2018-07-21', null],
    ]);

    // The register again, later: the PAD came back, the account's date was corrected, and a PAD
    // still with 王五 cannot be handed to 李四 (one holder at a time).
    const again = await commit([
      ['PAD', 'PAD-0001', null, '张三', null, null, '2018-07-20', '2018-09-01', null],
      ['系统账号', '511323-pc-0007', null, null, null, li.personCode, '2018-07-21', null, null],
      ['PAD', 'PAD-0003', null, '李四', null, null, '2018-08-01', null, null],
    ]);
    expect(again.p.rows.map((r) => r.action)).toEqual(['update', 'update', 'error']);
    expect(reasons(again.p)).toEqual([[4, 'PAD“PAD-0003”已于2018-07-21发放给王五且未归还，请先登记归还']]);
    expect(again.done).toMatchObject({ created: 0, updated: 2, rejected: 1 });

    // Returned, PAD-0001 goes to the next holder: a new hand-over, the old row its history.
    const third = await commit([['PAD', 'PAD-0001', null, '李四', null, null, '2018-09-02', null, null]]);
    expect(third.done).toMatchObject({ created: 1, updated: 0 });
    expect(await devices()).toEqual([
      ['系统账号', '511323-pc-0007', '李四', '2018-07-21', null],
      ['PAD', 'PAD-0001', '张三', '2018-07-20', '2018-09-01'],
      ['PAD', 'PAD-0001', '李四', '2018-09-02', null],
      ['PAD', 'PAD-0003', '王五', '2018-07-21', null],
    ]);
  });

  it('a commit with no valid row is refused and writes nothing', async () => {
    await person('张三', '123');
    const { importId, p } = await stage([
      ['PAD', 'PAD-0009', null, '李四', null, null, '2018-07-20', null, null],
      ['PAD', 'PAD-0010', null, '张三', null, 'P404', '2018-07-20', null, null],
    ]);
    expect(reasons(p)).toEqual([
      [2, '第2行：花名册中没有名为“李四”的人员'],
      [3, '第3行：花名册中没有人员编号为“P404”的人员'],
    ]);
    const before = b.snapshot();
    const refused = await b.err('import.commit', { importId, onExisting: 'update', acceptDuplicateFile: true });
    expect(refused.code).toBe('NOTHING_TO_IMPORT');
    expect(b.snapshot()).toEqual(before);
    expect((await b.ok('device.list', {})).total).toBe(0);
  });

  it('the template’s example row hands a PAD to the first roster person, a valid new row', async () => {
    await person('张三', '123');
    const t = await b.ok('import.template', { kind: 'device' });
    const up = await upload(b, 'device', t.fileName, Buffer.from(t.contentBase64, 'base64'));
    const p = await b.ok('import.preview', { importId: up.importId });
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ new: 1, valid: 1 });
  });
});
