// A typed 恢复码 checked as the API will check it, and which refusals belong at its field.
import type { ApiError } from '../../../core/api';
import { recoveryCodeField } from '../../../core/schemas/encryption';

/** The code as the API takes it, or the field's message. */
export function checkRecoveryCode(typed: string): { ok: true; code: string } | { ok: false; message: string } {
  const r = recoveryCodeField.safeParse(typed);
  return r.success ? { ok: true, code: r.data } : { ok: false, message: r.error.issues[0]?.message ?? '恢复码有误' };
}

/** The answers about a 恢复码 that belong at its field rather than in a toast. */
export const RECOVERY_CODE_ERRORS: readonly string[] = ['RECOVERY_CODE_WRONG', 'RECOVERY_CODE_NEEDED'];

/** A refusal's message for the field (its own issue when it names recoveryCode), or null when it is about something else. */
export function recoveryCodeMessage(error: ApiError): string | null {
  const issue = error.issues.find((i) => i.path === 'recoveryCode' || i.path.endsWith('.recoveryCode'));
  if (issue) return issue.message;
  return RECOVERY_CODE_ERRORS.includes(error.code) ? error.message : null;
}
