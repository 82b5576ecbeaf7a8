// The registers' imports through dispatch: 保密承诺书 columns in the roster, 普查小区 rows without
// a code (filled with the village code + next sequence, the length setting checked in the preview),
// and the 档案目录.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../../helpers/backend';
import { countyBackend, upload, type Preview } from '../../imports/helpers';
import { makeId, sheet } from '../../imports/make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend();
});
afterEach(() => b.dispose());

async function commit(kind: 'person' | 'district' | 'archive', bytes: Buffer) {
  const up = await upload(b, kind, `${kind}.xlsx`, bytes);
  const p: Preview = await b.ok('import.preview', { importId: up.importId, pageSize: 1000 });
  const done = await b.ok('import.commit', { importId: up.importId, onExisting: 'update', acceptDuplicateFile: true });
  return { p, done };
}
const reasons = (p: Preview) => p.errors.map((e) => [e.row, e.message]);

describe('roster with 保密承诺书', () => {
  it('reads 是/否 and a date; a date alone is 已签署; 未签署 with a date is the row error', async () => {
    const { p, done } = await commit(
      'person',
      sheet([
        ['姓名', '人员类别', '公民身份号码', '是否签署保密承诺书', '承诺书签署日期'],
        ['赵一', '普查员', makeId('19800101', '011'), '是', '2018/5/20'],
        ['钱二', '普查员', makeId('19800101', '021'), '', '2018.5.21'],
        ['孙三', '普查员', makeId('19800101', '031'), '否', ''],
        ['李四', '普查员', makeId('19800101', '041'), '否', '2018-05-22'],
      ]),
    );
    expect(done).toMatchObject({ created: 3, rejected: 1 });
    expect(reasons(p)).toEqual([[5, '保密承诺书为未签署时不应填写签署日期']]);
    const people = (await b.ok('person.list', { sort: { field: 'name', dir: 'asc' } })).rows;
    expect(Object.fromEntries(people.map((x) => [x.name, [x.pledgeStatus, x.pledgeDate]]))).toEqual({
      赵一: ['已签署', '2018-05-20'],
      钱二: ['已签署', '2018-05-21'],
      孙三: ['未签署', null],
    });
  });
});

describe('普查小区 without a code', () => {
  it('get the village code + the next sequence, counting earlier rows; a code of another length is refused', async () => {
    const t = (await b.ok('township.list', { q: '锦屏镇' })).rows[0];
    await b.ok('village.create', { townshipId: t.id, code: '511323100201', name: '白鹤村' });
    await b.ok('district.create', {
      code: '511323100201004',
      name: '白鹤一区',
      townshipId: t.id,
      basis: '行政村',
    } as never);
    const { p, done } = await commit(
      'district',
      sheet([
        ['普查小区代码', '普查小区名称', '所属乡镇', '所属村（社区）', '划分依据'],
        ['', '白鹤二区', '锦屏镇', '白鹤村', '行政村'],
        ['', '白鹤三区', '锦屏镇', '白鹤村', '行政村'],
        ['5113231002019', '短码区', '锦屏镇', '白鹤村', '行政村'],
        ['', '园区', '锦屏镇', '', '工业园区'],
      ]),
    );
    expect(done).toMatchObject({ created: 2, rejected: 2 });
    expect(reasons(p)).toEqual([
      [4, '普查小区代码应为15位数字（按系统设置中的普查小区代码位数），实为13位'],
      [5, '未选择所属村（社区），不能自动生成普查小区代码：请填写代码，或选择所属村（社区）'],
    ]);
    const codes = (await b.ok('district.list', { sort: { field: 'code', dir: 'asc' } })).rows.map((d) => [
      d.code,
      d.name,
    ]);
    expect(codes).toEqual([
      ['511323100201004', '白鹤一区'],
      ['511323100201005', '白鹤二区'],
      ['511323100201006', '白鹤三区'],
    ]);
  });
});

describe('档案目录', () => {
  it('imports by 档号 (a second import updates), with the area rule as the row error', async () => {
    const rows = [
      [
        '档号',
        '题名',
        '门类',
        '年度',
        '密级',
        '保管期限',
        '份数',
        '存放地点',
        '归档日期',
        '移交日期',
        '接收单位',
        '责任人',
      ],
      ['WP-2018-001', '实施方案', '文书', 2018, '内部', '永久', 1, '档案柜1', '2018-04-10', '', '', '张三'],
      [
        'WP-2018-002',
        '清查表册',
        '普查表',
        2018,
        '秘密',
        '30年',
        12,
        '档案柜2',
        '2018-07-01',
        '2019-03-01',
        '县档案馆',
        '李四',
      ],
      ['WP-2018-003', '照片', '照片', 2018, '公开', '', 50, '光盘', '2018-09-01', '2018-08-01', '县档案馆', '王五'],
    ];
    const { p, done } = await commit('archive', sheet(rows));
    expect(done).toMatchObject({ created: 2, rejected: 1 });
    expect(reasons(p)).toEqual([[4, '移交日期不能早于归档日期']]);
    const list = await b.ok('archive.list', { filters: { transferred: true } });
    expect(list.rows.map((r) => [r.archiveNo, r.category, r.transferTo])).toEqual([
      ['WP-2018-002', '普查表册', '县档案馆'],
    ]);
    rows[1][7] = '档案柜3';
    const again = await commit('archive', sheet(rows.slice(0, 2)));
    expect(again.done).toMatchObject({ created: 0, updated: 1 });
    expect((await b.ok('archive.list', { q: 'WP-2018-001' })).rows[0].location).toBe('档案柜3');
  });
});
