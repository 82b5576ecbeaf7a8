import { z } from 'zod';
import { crud, method } from './define';
import * as s from '../schemas/workplan';

export const workplanApi = {
  ...crud('milestone', '工作要点', { create: s.milestoneCreate, record: s.milestoneRecord, list: s.milestoneList }),
  'progress.categories': method({
    input: z.object({}).strict(),
    output: z.array(s.progressCategoryOutput),
    access: 'read',
    effect: 'none',
    summary: '进度调度表的统计类别',
  }),
  'progress.get': method({
    input: s.progressGetInput,
    output: s.progressTableOutput,
    access: 'read',
    effect: 'none',
    summary: '查看进度调度表',
  }),
  'progress.save': method({
    input: s.progressSaveInput,
    output: s.progressTableOutput,
    access: 'write',
    effect: 'write',
    summary: '保存进度调度表（草稿）',
  }),
  'progress.aggregate': method({
    input: s.progressScopeInput.pick({ period: true }),
    output: s.progressTableOutput,
    access: 'write',
    effect: 'write',
    summary: '由各乡镇报表汇总生成县级进度调度表',
  }),
  'progress.markReported': method({
    input: s.progressScopeInput,
    output: s.progressTableOutput,
    access: 'write',
    effect: 'write',
    summary: '进度调度表标记为已上报',
  }),
  'progress.delete': method({
    input: s.progressScopeInput,
    output: z.object({ reportId: z.number().int() }),
    access: 'write',
    effect: 'write',
    summary: '删除进度调度表草稿',
  }),
  'progress.periods': method({
    input: s.progressPeriodsInput,
    output: s.progressPeriodsOutput,
    access: 'read',
    effect: 'none',
    summary: '进度调度表的报告期及状态',
  }),
};
