// 普查小区 coverage settings and the default 小区 code (docs/spec/coverage-and-archive.md).
import { z } from 'zod';
import { method } from './define';
import * as s from '../schemas/coverage';

export const coverageApi = {
  'coverage.settings': method({
    input: z.object({}).strict(),
    output: s.coverageSettings,
    access: 'read',
    effect: 'none',
    summary: '查看普查小区与工作量设置',
  }),
  'coverage.saveSettings': method({
    input: s.coverageSettings,
    output: s.coverageSettings,
    access: 'admin',
    effect: 'write',
    summary: '保存普查小区与工作量设置',
  }),
  'district.nextCode': method({
    input: s.nextDistrictCodeInput,
    output: s.nextDistrictCodeOutput,
    access: 'read',
    effect: 'none',
    summary: '普查小区的默认代码（村（居）代码加序号）',
  }),
};
