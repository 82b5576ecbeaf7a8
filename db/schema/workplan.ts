// Milestones (工作要点) and the progress table (进度调度表): categories, one report per period and
// scope (the county or a township), and its figures. Rates (columns 9, 12), the 合计 row and 已逾期
// are computed in code, never stored.
import type { Database } from 'better-sqlite3';
import type { SchemaPart } from './types';
import { DEFAULT_PROGRESS_CATEGORIES } from '../../core/progressRules';

/** workplan.md's table, taken from the seed document (川污普〔2018〕4号 draft). */
export const DEFAULT_MILESTONES: readonly [number, string, string, string | null, string | null][] = [
  [1, '建好普查队伍', '领导小组及办公室成立、人员到位、办公场所和制度落实', '2018-01-31', null],
  [1, '建好普查队伍', '各乡镇(街道)、村(居)落实联络员', '2018-01-31', null],
  [2, '制定普查实施方案', '县级实施方案经本级政府批准印发', '2018-03-31', null],
  [3, '落实普查经费', '经费预算编制完成，经财政审核列入部门预算', '2018-03-31', null],
  [4, '认真履行牵头职责', '普查信息系统建设完成', '2018-05-31', null],
  [5, '开展清查建库', '划分普查小区、完成清查、建立基本单位名录库、排污口排查与监测、清查质量核查', '2018-06-30', null],
  [6, '开展普查试点', '试点地区完成试点（仅试点县）', '2018-06-30', null],
  [10, '强化宣传培训', '完成本级工作人员、普查员、普查指导员培训', '2018-07-31', null],
  [7, '开展入户调查', '完成入户调查培训，核定普查基本单位名录', '2018-08-31', null],
  [7, '开展入户调查', '完成入户调查（基本信息、活动水平、治理设施和排放口信息；抽样调查）', '2018-11-30', null],
  [8, '数据审核与汇总', '县级审核汇总并上报市(州)', '2018-12-31', '完成时限以市(州)要求为准；全省2019年1月底前上报'],
  [9, '开展质量核查', '县级质量核查与评估', '2019-03-31', null],
  [11, '加强资料管理', '普查资料保密管理（持续）', null, null],
  [12, '跟踪督办', '按期上报工作进度（持续）', null, null],
];

function seed(db: Database) {
  const at = new Date().toISOString();
  const milestone = db.prepare(
    `INSERT INTO milestones (seq, point_no, point_title, title, deadline, status, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '未开始', ?, ?, ?)`,
  );
  DEFAULT_MILESTONES.forEach(([pointNo, pointTitle, title, deadline, note], i) =>
    milestone.run(i + 1, pointNo, pointTitle, title, deadline, note, at, at),
  );
  const category = db.prepare(
    `INSERT INTO progress_categories (row_code, name, parent_code, indent, in_total, is_total, unit, sort)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const c of DEFAULT_PROGRESS_CATEGORIES) {
    category.run(c.rowCode, c.name, c.parentCode, c.indent, Number(c.inTotal), Number(c.isTotal), c.unit, c.sort);
  }
}

export const workplan: SchemaPart = {
  labels: {
    milestones: '工作要点',
    progress_categories: '进度统计类别',
    progress_reports: '进度调度表',
    progress_figures: '进度调度数据',
  },
  seed,
};
