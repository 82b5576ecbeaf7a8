// The consolidated monthly report's sheets (a city's R2 over its counties, a province's over its
// cities): the county R2's sheet names and frame, one row per unit plus 合计 where a county has one
// row per township or item, 进度调度表 in one block per row code (the total, then each unit), the
// overdue milestones and text blocks of every county, and the units included with their versions.
// Widths are for A4 landscape, scaled to one page wide like the county's (docs/reports.md); money
// columns hold a province's 合计 in 元 (1,200,000,000.00) without showing ###.
import type { ColumnDef, SheetLayout } from '../layout';
import { FIGURE_COLUMNS } from '../../progressRules';
import { figureColumn } from '../layouts/work';
import { MONTHLY_SHEET_KEYS } from '../monthly';

export const CITY_SHEET_KEYS = [...MONTHLY_SHEET_KEYS, 'works', 'units'] as const;
export type CitySheetKey = (typeof CITY_SHEET_KEYS)[number];

const unitName: ColumnDef = { key: 'unit', label: '单位名称', kind: 'text', width: 12 };
const unitCode: ColumnDef = { key: 'unitCode', label: '区划代码', kind: 'code', width: 8 };

/** 工作进度: every county's milestones overdue at the period end (报告期末已逾期). */
export const CITY_MILESTONES: SheetLayout = {
  id: 'R2C.milestones',
  sheetName: '工作进度',
  orientation: 'landscape',
  codeRow: false,
  total: 'none',
  freezeColumns: 0,
  labelKey: 'unit',
  columns: [
    { key: 'seq', label: '序号', kind: 'seq', width: 5 },
    unitCode,
    { ...unitName, width: 14 },
    { key: 'point', label: '工作要点', kind: 'text', width: 14 },
    { key: 'title', label: '工作内容', kind: 'text', width: 40 },
    { key: 'deadline', label: '完成时限', kind: 'date', width: 11 },
    { key: 'progressNote', label: '进展说明', kind: 'text', width: 34 },
  ],
  notes: [
    '列出各单位报告期最后一天已过完成时限仍未完成（已逾期）的工作；各单位的本期主要工作、存在问题和下期工作计划见“工作情况”表。',
  ],
};

/** 进度调度表: per row code the total (合计 in 单位名称) followed by each unit's own figures. */
export const CITY_PROGRESS: SheetLayout = {
  id: 'R2C.progress',
  sheetName: '进度调度表',
  orientation: 'landscape',
  codeRow: true,
  total: 'none',
  freezeColumns: 3,
  labelKey: 'unit',
  columns: [
    { key: 'rowCode', label: '代码', kind: 'code', width: 4 },
    { key: 'name', label: '普查对象类别', kind: 'text', width: 14 },
    { ...unitName, width: 12 },
    ...FIGURE_COLUMNS.map(figureColumn),
    { key: 'note', label: '备注', kind: 'text', width: 9 },
  ],
  notes: [
    '每个代码一组：第一行为各单位合计，其下为各单位数字；未报送的单位不列入，见表头“未报”。',
    '合计（01）= 02 + 03 + 04 + 10 + 11 + 12 + 13；05—08行是04行的其中项；09行生活源锅炉以台计，不计入合计。',
    '9 = 8 ÷ 6，12 = 11 ÷ 6（%，保留一位小数），合计行按合计数计算。',
  ],
};

const int = (key: string, label: string, width = 9): ColumnDef => ({ key, label, kind: 'int', width });
const money = (key: string, label: string, width = 17): ColumnDef => ({ key, label, kind: 'money', width });

export const CITY_STAFF: SheetLayout = {
  id: 'R2C.staff',
  sheetName: '两员情况',
  orientation: 'landscape',
  codeRow: true,
  total: 'setting',
  freezeColumns: 2,
  labelKey: 'unit',
  columns: [
    unitName,
    unitCode,
    int('districts', '普查小区数', 10),
    int('enumerators', '普查员（在岗）', 12),
    int('supervisors', '普查指导员（在岗）', 13),
    int('trained', '已培训'),
    int('passed', '考核合格'),
    int('certified', '已发证'),
    int('insured', '已参保'),
    int('townshipLiaisons', '乡镇联络员', 10),
    int('villageLiaisons', '村(居)联络员', 10),
  ],
  notes: ['各单位数字为其报送的两员情况合计行，口径同县级月报。'],
};

export const CITY_BUDGET: SheetLayout = {
  id: 'R2C.budget',
  sheetName: '经费情况',
  orientation: 'landscape',
  codeRow: true,
  total: 'setting',
  freezeColumns: 2,
  labelKey: 'unit',
  columns: [
    { ...unitName, width: 16 },
    unitCode,
    money('budget', '预算'),
    money('allocated', '到位'),
    money('spent', '支出'),
    money('balance', '结余'),
    { key: 'rate', label: '执行率%', kind: 'rate', width: 9 },
  ],
  notes: ['结余 = 预算 − 支出；执行率 = 支出 ÷ 预算 × 100%，合计行按合计数计算。'],
};

export const CITY_TRAINING: SheetLayout = {
  id: 'R2C.training',
  sheetName: '培训情况',
  orientation: 'landscape',
  codeRow: true,
  total: 'setting',
  freezeColumns: 2,
  labelKey: 'unit',
  columns: [
    unitName,
    unitCode,
    int('sessions', '期次', 6),
    { key: 'hours', label: '学时', kind: 'number', width: 7 },
    int('attendees', '参训人数', 8),
    int('enumerators', '其中：普查员', 8),
    int('supervisors', '其中：普查指导员', 9),
    int('thirdParty', '其中：第三方', 8),
    int('liaisons', '其中：联络员', 8),
    int('examined', '参考人数', 8),
    int('passed', '合格人数', 8),
    { key: 'passRate', label: '合格率%', kind: 'rate', width: 8 },
    { key: 'cost', label: '培训经费(元)', kind: 'money', width: 14, unit: '元' },
  ],
  notes: [
    '各单位为报告期内结束的培训班；累计行为各单位截至本期末的累计数之和。',
    '合格率 = 合格人数 ÷ 参考人数 × 100%，合计行和累计行按其合计数计算。',
  ],
};

export const CITY_CONTRACTS: SheetLayout = {
  id: 'R2C.contracts',
  sheetName: '第三方合同',
  orientation: 'landscape',
  codeRow: true,
  total: 'setting',
  freezeColumns: 2,
  labelKey: 'unit',
  columns: [
    unitName,
    unitCode,
    int('contracts', '合同数', 7),
    { key: 'amount', label: '合同金额', kind: 'money', width: 17, unit: '元' },
    { key: 'paid', label: '已付金额', kind: 'money', width: 17, unit: '元' },
    { key: 'unpaid', label: '未付金额', kind: 'money', width: 17, unit: '元' },
    int('nodeCount', '履约节点数', 9),
    int('nodesDone', '已完成节点', 9),
    int('overdue', '逾期节点', 8),
  ],
  notes: ['未付金额 = 合同金额 − 已付金额；逾期节点指报告期最后一天已过计划完成时间仍未完成的履约节点。'],
};

/** 工作情况: each county's 本期主要工作 / 存在问题 / 下期工作计划, one row per county that wrote any. */
export const CITY_WORKS: SheetLayout = {
  id: 'R2C.works',
  sheetName: '工作情况',
  orientation: 'landscape',
  codeRow: false,
  total: 'none',
  freezeColumns: 0,
  labelKey: 'unit',
  columns: [
    { key: 'seq', label: '序号', kind: 'seq', width: 5 },
    unitCode,
    { ...unitName, width: 14 },
    { key: 'mainWork', label: '本期主要工作', kind: 'text', width: 40 },
    { key: 'problems', label: '存在问题', kind: 'text', width: 32 },
    { key: 'nextPlan', label: '下期工作计划', kind: 'text', width: 32 },
  ],
};

/** 汇总单位: every unit of the office, whether its report is included, and which version. */
export const CITY_UNITS: SheetLayout = {
  id: 'R2C.units',
  sheetName: '汇总单位',
  orientation: 'landscape',
  codeRow: false,
  total: 'none',
  freezeColumns: 0,
  labelKey: 'unit',
  columns: [
    { key: 'seq', label: '序号', kind: 'seq', width: 5 },
    unitCode,
    { ...unitName, width: 16 },
    { key: 'state', label: '报送情况', kind: 'text', width: 9 },
    int('version', '汇总版本', 9),
    { key: 'generatedAt', label: '该版本生成时间', kind: 'code', width: 18 },
    { key: 'receivedAt', label: '收到时间', kind: 'code', width: 18 },
    { key: 'note', label: '备注', kind: 'text', width: 36 },
  ],
  notes: ['每个单位汇总其已收到的最新版本；未报的单位不计入各表，也不以零计。'],
};

export const CITY_LAYOUTS: Record<CitySheetKey, SheetLayout> = {
  milestones: CITY_MILESTONES,
  progress: CITY_PROGRESS,
  staff: CITY_STAFF,
  budget: CITY_BUDGET,
  training: CITY_TRAINING,
  contracts: CITY_CONTRACTS,
  works: CITY_WORKS,
  units: CITY_UNITS,
};
