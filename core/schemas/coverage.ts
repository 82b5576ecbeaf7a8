// 普查小区 coverage (全面覆盖，不重不漏; work plan points 1 and 5): the office's settings for the
// 小区 code length and the workload the dashboard's coverage checks hold 普查员 and 指导员 to.
import { z } from 'zod';
import { int, optInt, ref } from './fields';

/** What an office that saved nothing is held to (domain.md §2: village code 12 + sequence 3). */
export const COVERAGE_DEFAULTS = {
  districtCodeLength: 15,
  maxListingPerEnumerator: null,
  maxDistrictsPerEnumerator: null,
  maxEnumeratorsPerSupervisor: 5,
} as const;

/** A 12-digit village code leaves room for a sequence only when the code is longer. */
export const VILLAGE_CODE_LENGTH = 12;

export const coverageSettings = z
  .object({
    districtCodeLength: int('普查小区代码位数', 6, 20),
    maxListingPerEnumerator: optInt('每名普查员名录库底册数上限', 1, 100000),
    maxDistrictsPerEnumerator: optInt('每名普查员普查小区数上限', 1, 1000),
    maxEnumeratorsPerSupervisor: optInt('每名普查指导员负责普查员数上限', 1, 1000),
  })
  .strict();
export type CoverageSettings = z.output<typeof coverageSettings>;

export const nextDistrictCodeInput = z.object({ villageId: ref('所属村（社区）') }).strict();
export const nextDistrictCodeOutput = z.object({
  /** Null when the code length leaves no room for a sequence after the village code, or every one is taken. */
  code: z.string().nullable(),
  message: z.string().nullable(),
});

/** Why a typed 小区 code does not fit the office's length, or null. */
export function districtCodeIssue(code: string, length: number): string | null {
  if (code.length === length) return null;
  return `普查小区代码应为${length}位数字（按系统设置中的普查小区代码位数），实为${code.length}位`;
}
