// Sensitive values in reports: masked unless the operator may see them in full (domain.md §8),
// with the same masks as the rest of the app.
import { maskIdNumber } from '../validate/idNumber';
import { maskPhone } from '../validate/phone';
import type { SensitiveKind } from './layout';

export function maskValue(kind: SensitiveKind, value: string | null): string | null {
  if (value == null || value === '') return value;
  // 银行卡号 keeps its first and last four like an ID does.
  return kind === 'mobile' ? maskPhone(value) : maskIdNumber(value);
}
