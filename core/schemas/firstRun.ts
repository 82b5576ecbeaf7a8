// What the first run of a county office brings besides the office and its 管理员: the townships and
// villages the clerk kept from the division dataset, and the work plan to start with.
import { z } from 'zod';
import { bool, date, oneOf, regionCode, text } from './fields';
import { WORK_PLANS } from '../workPlan';

/** A big county has some 60 townships and 60 villages in one; these bounds leave room and stop floods. */
export const MAX_FIRST_RUN_TOWNSHIPS = 300;
export const MAX_FIRST_RUN_VILLAGES = 1000;

const firstRunVillage = z
  .object({ code: regionCode('村（居）代码', 'village'), name: text('村（社区）名称', { max: 50 }) })
  .strict();

export const firstRunTownship = z
  .object({
    code: regionCode('乡镇（街道）代码', 'township'),
    name: text('乡镇（街道）名称', { max: 50 }),
    villages: z
      .array(firstRunVillage, { error: () => '村（社区）应为列表' })
      .max(MAX_FIRST_RUN_VILLAGES, { message: `一个乡镇（街道）最多${MAX_FIRST_RUN_VILLAGES}个村（社区）` })
      .default([]),
  })
  .strict();
export type FirstRunTownship = z.output<typeof firstRunTownship>;

export const firstRunTownships = z
  .array(firstRunTownship, { error: () => '乡镇（街道）应为列表' })
  .max(MAX_FIRST_RUN_TOWNSHIPS, { message: `乡镇（街道）最多${MAX_FIRST_RUN_TOWNSHIPS}个` })
  .meta({ title: '乡镇（街道）', kind: 'list' });

export const workPlanChoice = oneOf('工作要点', WORK_PLANS);

/**
 * Each township under the county, each village under its township, no code twice; the issue's path
 * names the row (townships.2.villages.5.code).
 */
export function firstRunIssues(countyCode: string, townships: readonly FirstRunTownship[]) {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const seen = new Set<string>();
  townships.forEach((t, i) => {
    if (!t.code.startsWith(countyCode)) {
      issues.push({
        path: ['townships', i, 'code'],
        message: `乡镇（街道）代码 ${t.code}（${t.name}）不属于本县（${countyCode}）`,
      });
    }
    if (seen.has(t.code)) issues.push({ path: ['townships', i, 'code'], message: `乡镇（街道）代码 ${t.code} 重复` });
    seen.add(t.code);
    t.villages.forEach((v, j) => {
      const path = ['townships', i, 'villages', j, 'code'];
      if (!v.code.startsWith(t.code)) {
        issues.push({ path, message: `村（居）代码 ${v.code}（${v.name}）应以所属乡镇（街道）代码 ${t.code} 开头` });
      }
      if (seen.has(v.code)) issues.push({ path, message: `村（居）代码 ${v.code} 重复` });
      seen.add(v.code);
    });
  });
  return issues;
}

export const moveReferenceDateInput = z
  .object({ referenceDate: date('标准时点'), shiftDeadlines: bool('顺延工作要点截止日期').default(false) })
  .strict();
export const moveReferenceDateOutput = z.object({
  referenceDate: z.string(),
  /** 0 when the deadlines stayed. */
  shiftedDays: z.number().int(),
  milestonesMoved: z.number().int(),
});
