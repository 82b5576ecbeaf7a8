// print.registrationForm: one person's 登记表 (core/reports/registration.ts).
import { z } from 'zod';
import { bool, ref } from './fields';

export const printRegistrationInput = z
  .object({ personId: ref('人员'), fullSensitive: bool('显示完整敏感信息').default(false) })
  .strict();

export const registrationDocOutput = z.object({
  title: z.string(),
  unitLine: z.object({ left: z.string(), centre: z.string(), right: z.string() }),
  fields: z.record(z.string(), z.string()),
  trainings: z.array(z.array(z.string())),
  pledge: z.string(),
  opinions: z.array(z.string()),
  fullSensitive: z.boolean(),
});
