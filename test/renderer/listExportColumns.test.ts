// 导出 sends the record field each column shows: the declared one, else the field its render reads
// (a column keyed `township` that shows townshipName), money by its 元 title; buttons stay out.
import { describe, expect, it } from 'vitest';
import { exportColumns } from '../../renderer/lists/ListExportButton';
import { peopleColumns } from '../../renderer/pages/people/peopleColumns';
import { payRunColumns } from '../../renderer/pages/budget/budgetColumns';
import type { Column } from '../../renderer/lists/columns';

type Row = Record<string, unknown>;

describe('exportColumns', () => {
  it('finds the field a render reads, keeps declared fields and leaves out columns without a title or field', () => {
    const columns: Column<Row>[] = [
      { key: 'township', title: '乡镇（街道）', width: 1, render: (r) => String(r.townshipName ?? '') },
      { key: 'amount', title: '金额（元）', width: 1, render: (r) => String(r.amount) },
      { key: 'count', title: '人数', width: 1, render: (r) => String(r.lineCount) },
      { key: 'pick', title: '', width: 1, render: () => null },
      { key: 'edit', title: '操作', width: 1, exportField: null, render: () => null },
    ];
    const row = { townshipName: '相如镇', amount: 100, lineCount: 2 };
    expect(exportColumns(columns, row)).toEqual([
      { field: 'townshipName', title: '乡镇（街道）', kind: 'text' },
      { field: 'amount', title: '金额（元）', kind: 'money' },
      { field: 'lineCount', title: '人数', kind: 'text' },
    ]);
    // No row loaded yet: the keys.
    expect(exportColumns(columns).map((c) => c.field)).toEqual(['township', 'amount', 'count']);
  });

  it('reads the people and pay-run lists as the clerk sees them', () => {
    const fields = exportColumns(peopleColumns).map((c) => `${c.title}=${c.field}`);
    expect(fields).toEqual(
      expect.arrayContaining(['乡镇（街道）=townshipName', '所属指导员=supervisorName', '培训=trainingStatus']),
    );
    const run = {
      period: '2018-10',
      title: '10月',
      budgetItemName: '普查员劳动报酬',
      lineCount: 3,
      totalAmount: 720_000,
      status: '草稿',
      paidDate: null,
    };
    expect(exportColumns(payRunColumns, run as never)).toEqual([
      { field: 'period', title: '发放期间', kind: 'text' },
      { field: 'title', title: '发放表名称', kind: 'text' },
      { field: 'budgetItemName', title: '预算科目', kind: 'text' },
      { field: 'lineCount', title: '人数', kind: 'text' },
      { field: 'totalAmount', title: '金额（元）', kind: 'money' },
      { field: 'status', title: '状态', kind: 'text' },
      { field: 'paidDate', title: '发放日期', kind: 'text' },
    ]);
  });
});
