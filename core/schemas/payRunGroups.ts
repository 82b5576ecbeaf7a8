// 按条件添加 on a pay run: the people of a township, a role or a 普查小区 in one step.
import { z } from 'zod';
import { optOneOf, optRef } from './fields';
import { PERSON_ROLES } from '../enums';

export const payRunCandidatesInput = z
  .object({
    townshipId: optRef('所属乡镇（街道）'),
    role: optOneOf('人员类别', PERSON_ROLES),
    districtId: optRef('普查小区'),
  })
  .strict()
  .refine((i) => i.townshipId != null || i.role != null || i.districtId != null, {
    message: '请至少选择乡镇（街道）、人员类别或普查小区中的一项',
  });

export const payRunCandidate = z.object({
  personId: z.number().int(),
  name: z.string(),
  personCode: z.string(),
  /** 劳务报酬标准 in 分; null when the person has none (the line then needs a 标准). */
  payRate: z.number().int().nullable(),
  /** Whether a 银行卡号 is on record (a run cannot be posted without one). */
  hasBankAccount: z.boolean(),
});

export const payRunCandidatesOutput = z.object({ people: z.array(payRunCandidate) });
