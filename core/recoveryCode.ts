// The office's 恢复码: the one secret that opens its encrypted data file, every backup and every
// data package on any PC. 32 digits shown as 8 groups of 4: 30 random digits (~100 bits) and two
// check digits (ISO 7064 MOD 97-10, as in IBAN), so any one wrong digit and any swap of two
// neighbours is caught before a file is touched. Digits only: nothing to confuse (0/O, 1/l) and
// nothing an input method changes. Pure code, shared by the backend and the UI.
import { normalizeCode } from './text';

export const RECOVERY_CODE_DIGITS = 32;
export const RECOVERY_CODE_GROUPS = 8;
const RANDOM_DIGITS = 30;

export const RECOVERY_CODE_FORMAT_MESSAGE = '恢复码应为32位数字（共8组，每组4位）';
export const RECOVERY_CODE_CHECK_MESSAGE = '恢复码有误：校验位不符，请逐组核对（共8组，每组4位数字）';

/** n mod 97 for a string of digits, without big numbers. */
function mod97(digits: string): number {
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest;
}

/** The two check digits that make `body + check` ≡ 1 (mod 97). */
export function checkDigitsOf(body: string): string {
  return String(98 - mod97(`${body}00`)).padStart(2, '0');
}

/** Half-width digits with every space, dash and separator removed (what a clerk types or pastes). */
export function normalizeRecoveryCode(input: string): string {
  return normalizeCode(input).replace(/[-—–_.·,，、]/g, '');
}

export type RecoveryCodeProblem = 'format' | 'check';

/** What is wrong with a typed code (null: it is well-formed; whether it opens a file is another matter). */
export function recoveryCodeProblem(input: string): RecoveryCodeProblem | null {
  const code = normalizeRecoveryCode(input);
  if (!new RegExp(`^\\d{${RECOVERY_CODE_DIGITS}}$`).test(code)) return 'format';
  return mod97(code) === 1 ? null : 'check';
}

/** `4821-0937-…`: the code in its printed form. */
export function formatRecoveryCode(input: string): string {
  const code = normalizeRecoveryCode(input);
  return (code.match(/\d{1,4}/g) ?? []).join('-');
}

/** The 8 groups of 4, as printed (the wizard asks two of them back). */
export const recoveryCodeGroups = (input: string): string[] => formatRecoveryCode(input).split('-');

/**
 * A new code from at least 16 random bytes (the caller's CSPRNG: node:crypto or the browser's):
 * 30 digits taken from a 128-bit number (bias below 4·10⁻⁶), then the check digits.
 */
export function newRecoveryCode(random: Uint8Array): string {
  if (random.length < 16) throw new Error('newRecoveryCode needs 16 random bytes');
  let n = 0n;
  for (const b of random.subarray(0, 16)) n = (n << 8n) | BigInt(b);
  const body = (n % 10n ** BigInt(RANDOM_DIGITS)).toString().padStart(RANDOM_DIGITS, '0');
  return formatRecoveryCode(body + checkDigitsOf(body));
}
