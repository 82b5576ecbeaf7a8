import { z } from 'zod';

export const CHECK_SEVERITIES = ['ok', 'warning', 'error'] as const;

/** One check of workplan.md: what is wrong, how many, and the list call that shows them. */
export const dashboardCheck = z.object({
  id: z.string(),
  /** The work plan point it enforces (1–12), for grouping on the dashboard. */
  point: z.number().int(),
  title: z.string(),
  count: z.number().int(),
  severity: z.enum(CHECK_SEVERITIES),
  /** Why it matters or what to do, in a sentence. */
  hint: z.string(),
  /** The list method and filters whose total is `count`; null where the check is not a list. */
  link: z.object({ method: z.string(), filters: z.record(z.string(), z.unknown()) }).nullable(),
  /** For checks that are not lists: the names of what is missing. */
  items: z.array(z.string()).optional(),
});
export type DashboardCheck = z.infer<typeof dashboardCheck>;

export const dashboardOutput = z.object({ asOf: z.string(), period: z.string(), checks: z.array(dashboardCheck) });
