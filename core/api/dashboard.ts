import { z } from 'zod';
import { method } from './define';
import { dashboardOutput } from '../schemas/dashboard';

export const dashboardApi = {
  'dashboard.checks': method({
    input: z.object({}).strict(),
    output: dashboardOutput,
    access: 'read',
    effect: 'none',
    summary: '工作台检查项',
  }),
};
