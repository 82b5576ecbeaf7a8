import { z } from 'zod';
import { method } from './define';
import { dashboardOutput } from '../schemas/dashboard';
import { FIRST_STEPS } from '../firstSteps';

const firstStepsOutput = z.object({
  steps: z.array(
    z.object({
      key: z.enum(FIRST_STEPS.map((s) => s.key) as [string, ...string[]]),
      title: z.string(),
      todo: z.string(),
      path: z.string(),
      count: z.number().int(),
      unit: z.string(),
      done: z.boolean(),
    }),
  ),
  done: z.number().int(),
  total: z.number().int(),
});

export const dashboardApi = {
  'dashboard.checks': method({
    input: z.object({}).strict(),
    output: dashboardOutput,
    access: 'read',
    effect: 'none',
    summary: '工作台检查项',
  }),
  /** The first-day checklist: each step of core/firstSteps.ts with its count, done once there is one. */
  'dashboard.firstSteps': method({
    input: z.object({}).strict(),
    output: firstStepsOutput,
    access: 'read',
    effect: 'none',
    summary: '工作台：第一天清单',
  }),
};
