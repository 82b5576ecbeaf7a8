// The units a city or province office receives reports from (report_units): a city's counties, a
// province's cities, by their 6-digit codes (submission.md §4). The list is saved whole.
import { z } from 'zod';
import { normalizeCode, normalizeText } from '../text';
import { OFFICE_LEVELS, UNIT_KIND_LABELS, validateUnitCode, type OfficeLevel } from '../officeLevels';
import { listInput, listOutput } from '../api/define';

/** At most this many units: a province has some 20 cities, a city rarely 30 counties. */
export const MAX_UNITS = 300;

/** One row as the clerk typed it; the office's level and code judge it (unitIssues). */
export const unitRow = z
  .object({
    code: z
      .string({ error: () => '单位代码应为文本' })
      .transform((v) => normalizeCode(v))
      .meta({ title: '单位代码', kind: 'code' }),
    name: z
      .string({ error: () => '单位名称应为文本' })
      .transform((v) => normalizeText(v))
      .meta({ title: '单位名称', kind: 'text' }),
  })
  .strict();
export type UnitRow = z.output<typeof unitRow>;

export const unitRows = z
  .array(unitRow, { error: () => '下级单位应为列表' })
  .max(MAX_UNITS, { message: `下级单位最多${MAX_UNITS}个` })
  .meta({ title: '下级单位', kind: 'list' });

export const unitSave = z.object({ units: unitRows }).strict();

export const unitRecord = z.object({ code: z.string(), name: z.string(), sortOrder: z.number().int() });
/** Pages like every list (the whole list fits one page of 1000); sorted by the clerk's order by default. */
export const unitListInput = listInput({}, ['sortOrder', 'code', 'name'] as const);
export const unitListOutput = listOutput(unitRecord).extend({
  level: z.enum(OFFICE_LEVELS),
  /** 县（区） for a city office, 市（州） for a province; empty for a county office. */
  kind: z.string(),
});

export const unitSuggestOutput = z.object({
  /** The dataset's edition and where it comes from (core/divisions). */
  source: z.string(),
  units: z.array(z.object({ code: z.string(), name: z.string() })),
});

/**
 * Each row's faults, with its path under `base` (units.2.code) and the row named (第3行), so the
 * form marks the cell: a code not under the office, a missing or long name, a code twice.
 */
export function unitIssues(
  level: OfficeLevel,
  officeCode: string,
  rows: readonly UnitRow[],
  base = 'units',
): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  const kind = UNIT_KIND_LABELS[level] || '单位';
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const at = `第${i + 1}行`;
    const code = validateUnitCode(level, officeCode, row.code);
    if (!code.ok) issues.push({ path: `${base}.${i}.code`, message: `${at}：${code.message}` });
    else if (seen.has(code.value)) {
      const first = seen.get(code.value)! + 1;
      issues.push({ path: `${base}.${i}.code`, message: `${at}：${kind}代码${code.value}与第${first}行重复` });
    } else seen.set(code.value, i);
    if (row.name === '') issues.push({ path: `${base}.${i}.name`, message: `${at}：${kind}名称不能为空` });
    else if (row.name.length > 50) {
      issues.push({ path: `${base}.${i}.name`, message: `${at}：${kind}名称不能超过50个字` });
    }
  });
  return issues;
}
