// The 成员单位 list and the publicity log imported from Excel, through dispatch: a row finds its
// record by its two-column key (unit + name, date + title), a second import updates, and the area's
// rules give the row errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../../helpers/backend';
import { countyBackend, upload, type Preview } from '../../imports/helpers';
import { sheet } from '../../imports/make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend({ townships: false });
});
afterEach(() => b.dispose());

async function commit(kind: 'groupMember' | 'publicity', bytes: Buffer) {
  const up = await upload(b, kind, `${kind}.xlsx`, bytes);
  const p = await b.ok('import.preview', { importId: up.importId, pageSize: 1000 });
  const done = await b.ok('import.commit', { importId: up.importId, onExisting: 'update', acceptDuplicateFile: true });
  return { p, done };
}
const reasons = (p: Preview) => p.errors.map((e) => [e.row, e.message]);

describe('领导小组及成员单位 import', () => {
  it('reads the roster clerks keep, by unit and name; a second import updates the share of the work', async () => {
    const { p, done } = await commit(
      'groupMember',
      sheet([
        ['序号', '单位', '姓名', '职务', '领导小组职务', '工作职责', '联系电话'],
        [1, '县人民政府', '王强', '副县长', '组长', '全面领导普查工作', '0817-8632000'],
        [2, '县生态环境局', '李明', '局长', '副组长', '负责普查日常工作', '13800001111'],
        [3, '县统计局', '赵丽', '副局长', '组员', '提供基本单位名录', null],
        [4, '县农业农村局', '孙伟', '副局长', '顾问', null, null],
        [5, '县统计局', '赵丽', '副局长', '成员', null, null],
      ]),
    );
    expect(done).toMatchObject({ created: 3, rejected: 2 });
    expect(reasons(p)).toEqual([
      [5, expect.stringContaining('组内职务')],
      [6, '与第4行重复：成员单位和姓名相同'],
    ]);
    const list = await b.ok('groupMember.list', { sort: { field: 'unit', dir: 'asc' }, pageSize: 100 });
    expect(list.rows.find((r) => r.name === '赵丽')).toMatchObject({ groupPost: '成员', unit: '县统计局' });

    const again = await commit(
      'groupMember',
      sheet([
        ['成员单位', '姓名', '组内职务', '职责分工'],
        ['县统计局', '赵丽', '成员', '提供基本单位名录，参与数据审核'],
        ['县人民政府', '王强', '组长', null],
      ]),
    );
    expect(again.done).toMatchObject({ created: 0, updated: 1 });
    expect(again.p.rows.map((r) => r.action)).toEqual(['update', 'unchanged']);
    const zhao = (await b.ok('groupMember.list', { q: '赵丽' })).rows[0];
    expect(zhao.duties).toBe('提供基本单位名录，参与数据审核');
  });
});

describe('宣传记录 import', () => {
  it('reads the publicity log with the kinds clerks write, by date and title', async () => {
    const { p, done } = await commit(
      'publicity',
      sheet([
        ['日期', '宣传形式', '媒体', '标题', '数量', '单位', '备注'],
        ['2018年6月5日', '电视', '蓬安县电视台', '污染源普查公益广告', 30, '次', null],
        ['2018/7/10', '横幅', '各乡镇', '入户调查宣传横幅', 45, '条', null],
        ['2018-07-32', '微信', '蓬安发布', '致普查对象的一封信', null, null, null],
      ]),
    );
    expect(done).toMatchObject({ created: 2, rejected: 1 });
    expect(reasons(p)[0][0]).toBe(4);
    const rows = (await b.ok('publicity.list', { sort: { field: 'date', dir: 'asc' } })).rows;
    expect(rows.map((r) => [r.date, r.kind])).toEqual([
      ['2018-06-05', '广播电视'],
      ['2018-07-10', '标语横幅'],
    ]);
    const again = await commit(
      'publicity',
      sheet([
        ['日期', '宣传形式', '标题', '数量'],
        ['2018-06-05', '广播电视', '污染源普查公益广告', 40],
      ]),
    );
    expect(again.done).toMatchObject({ created: 0, updated: 1 });
    expect((await b.ok('publicity.list', { filters: { kind: '广播电视' } })).rows[0].quantity).toBe(40);
  });
});
