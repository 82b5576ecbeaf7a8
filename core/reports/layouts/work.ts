// Layouts of the work plan and progress: the milestone sheet and the progress table (进度调度表)
// of the monthly report (workplan.md).
import type { ColumnDef, SheetLayout } from '../layout';
import { COLUMN_LABELS, FIGURE_COLUMNS, PART_COLUMNS, type FigureColumn } from '../../progressRules';

export const MILESTONES: SheetLayout = {
  id: 'R2.milestones',
  sheetName: '工作进度',
  orientation: 'landscape',
  codeRow: false,
  total: 'none',
  freezeColumns: 0,
  columns: [
    { key: 'seq', label: '序号', kind: 'seq', width: 6 },
    { key: 'point', label: '工作要点', kind: 'text', width: 16 },
    { key: 'title', label: '工作内容', kind: 'text', width: 44 },
    { key: 'deadline', label: '完成时限', kind: 'date', width: 12, emptyText: '持续' },
    { key: 'status', label: '完成情况', kind: 'text', width: 10 },
    { key: 'completedDate', label: '完成日期', kind: 'date', width: 12 },
    { key: 'progressNote', label: '进展说明', kind: 'text', width: 34 },
  ],
  notes: ['完成情况按报告期最后一天判定：当日仍未完成且已过完成时限的为“已逾期”。'],
};

/** A figure column of 进度调度表 (also the consolidated report's): 其中 parts named so, 9 and 12 rates. */
export const figureColumn = (c: FigureColumn): ColumnDef => ({
  key: c,
  label: `${PART_COLUMNS.has(c) ? '其中：' : ''}${COLUMN_LABELS[c]}`,
  kind: c === 'c9' || c === 'c12' ? 'rate' : 'int',
  width: 7,
});

export const PROGRESS: SheetLayout = {
  id: 'R2.progress',
  sheetName: '进度调度表',
  orientation: 'landscape',
  codeRow: true,
  total: 'setting',
  freezeColumns: 2,
  columns: [
    { key: 'name', label: '普查对象类别', kind: 'text', width: 16 },
    { key: 'rowCode', label: '代码', kind: 'code', width: 4 },
    ...FIGURE_COLUMNS.map(figureColumn),
    { key: 'note', label: '备注', kind: 'text', width: 10 },
  ],
  notes: [
    '合计（01）= 02 + 03 + 04 + 10 + 11 + 12 + 13；05—08行是04行的其中项；09行生活源锅炉以台计，不计入合计。',
    '3 + 4 ≤ 2；7 ≤ 6；8 ≤ 7；10 ≤ 8。',
    '9 = 8 ÷ 6，12 = 11 ÷ 6（%，保留一位小数）。各项数字为截至报告期末的累计数，比上期减少的须在备注中说明。',
  ],
};
