// 质量核查: the records, the office's error-rate threshold, and columns 13–14 of the progress table
// (docs/spec/quality-and-problems.md).
import { z } from 'zod';
import { crud, method } from './define';
import * as s from '../schemas/quality';

export const qualityApi = {
  ...crud('qualityCheck', '质量核查记录', {
    create: s.qualityCheckCreate,
    record: s.qualityCheckRecord,
    list: s.qualityCheckList,
  }),
  'quality.settings': method({
    input: z.object({}).strict(),
    output: s.qualitySettings,
    access: 'read',
    effect: 'none',
    summary: '查看质量核查设置（差错率上限）',
  }),
  'quality.saveSettings': method({
    input: s.qualitySettings,
    output: s.qualitySettings,
    access: 'write',
    effect: 'write',
    summary: '修改质量核查设置（差错率上限）',
  }),
  'quality.feed': method({
    input: s.qualityFeedInput,
    output: s.qualityFeedOutput,
    access: 'read',
    effect: 'none',
    summary: '进度调度表第13、14列的取数方式及由质量核查记录累计的数字',
  }),
  'quality.setSource': method({
    input: s.qualitySourceInput,
    output: s.qualityFeedOutput,
    access: 'write',
    effect: 'write',
    summary: '设置报告期第13、14列的取数方式（填报或取自质量核查记录）',
  }),
};
