// A typed 恢复码 checked as the API will check it, and which refusals belong at its field.
import type { ApiError } from '../../../core/api';
import { recoveryCodeField } from '../../../core/schemas/encryption';

/** The code as the API takes it, or the field's message. */
export function checkRecoveryCode(typed: string): { ok: true; code: string } | { ok: false; message: string } {
  const r = recoveryCodeField.safeParse(typed);
  return r.success ? { ok: true, code: r.data } : { ok: false, message: r.error.issues[0]?.message ?? '恢复码有误' };
}

/** The answers about a 恢复码 that belong at its field rather than in a toast (a wrong one, none given, too many tries). */
export const RECOVERY_CODE_ERRORS: readonly string[] = [
  'RECOVERY_CODE_WRONG',
  'RECOVERY_CODE_NEEDED',
  'RECOVERY_CODE_THROTTLED',
];

/**
 * A refusal's message for the field, or null when it is about something else: the backend's whole
 * sentence for a wrong or missing code (it says nothing was changed), the field's own issue otherwise.
 */
export function recoveryCodeMessage(error: ApiError): string | null {
  if (RECOVERY_CODE_ERRORS.includes(error.code)) return error.message;
  const issue = error.issues.find((i) => i.path === 'recoveryCode' || i.path.endsWith('.recoveryCode'));
  return issue ? issue.message : null;
}
