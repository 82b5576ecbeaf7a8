// The problem ledger imported from the clerk's Excel (docs/spec/quality-and-problems.md §6): rows
// match by 编号, the ledger's own rules refuse a row in the preview, and a second import updates.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestBackend } from '../../helpers/backend';
import { countyBackend, upload } from '../../imports/helpers';
import { sheet } from '../../imports/make';

let b: TestBackend;
beforeEach(async () => {
  b = await countyBackend({ townships: false });
});
afterEach(() => b.dispose());

async function commit(bytes: Buffer) {
  const up = await upload(b, 'problem', '督办台账.xlsx', bytes);
  const p = await b.ok('import.preview', { importId: up.importId, pageSize: 1000 });
  const done = await b.ok('import.commit', { importId: up.importId, onExisting: 'update', acceptDuplicateFile: true });
  return { p, done };
}

describe('importing the problem ledger', () => {
  it('reads a 督办台账 as clerks keep it, with their words for kinds and states', async () => {
    const { p, done } = await commit(
      sheet([
        [
          '序号',
          '督办编号',
          '事项类别',
          '交办日期',
          '交办单位',
          '责任单位',
          '督办事项',
          '完成时限',
          '是否办结',
          '办理情况',
          '完成日期',
        ],
        [
          1,
          '南污普督〔2018〕3号',
          '督办',
          '2018/7/2',
          '南充市污普办',
          '锦屏镇',
          '清查进度滞后',
          '2018年7月10日',
          '办理中',
          null,
          null,
        ],
        [
          2,
          '2018-010',
          '通报',
          '2018-06-20',
          '市污普办',
          '全县',
          '培训签到不全',
          null,
          '已完成',
          '已补齐签到表',
          '2018-06-25',
        ],
        [3, '2018-011', '审核', '2018-06-21', '县级审核', '普查员 王五', '坐标缺失', null, '已完成', null, null],
        [4, null, '问题', '2018-06-22', null, '相如镇', '底册重复', null, null, null, null],
      ]),
    );
    expect(done).toMatchObject({ created: 2, rejected: 2 });
    expect(p.errors.map((e) => [e.row, e.message])).toEqual([
      [4, '办结时须填写办理情况及回复'],
      [4, '办结时须填写办结日期'],
      [5, '编号不能为空：导入时按编号匹配台账中已有的事项'],
    ]);
    const list = await b.ok('problem.list', { sort: { field: 'refNo', dir: 'asc' } });
    expect(list.rows.map((r) => [r.refNo, r.kind, r.status, r.dueDate])).toEqual([
      ['2018-010', '上级通报', '已办结', null],
      ['南污普督〔2018〕3号', '督办件', '未办结', '2018-07-10'],
    ]);

    const again = await commit(
      sheet([
        ['编号', '类别', '提出日期', '涉及对象', '问题内容', '办理状态', '办理情况及回复', '办结日期'],
        [
          '南污普督〔2018〕3号',
          '督办件',
          '2018-07-02',
          '锦屏镇',
          '清查进度滞后',
          '已办结',
          '已加派普查员',
          '2018-07-09',
        ],
      ]),
    );
    expect(again.done).toMatchObject({ created: 0, updated: 1 });
    const closed = (await b.ok('problem.list', { filters: { status: '已办结' } })).total;
    expect(closed).toBe(2);
  });
});
