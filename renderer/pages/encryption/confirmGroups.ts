// 保存恢复码's check that the code was written down: two groups, chosen at random, typed back.
import { RECOVERY_CODE_GROUPS, normalizeRecoveryCode, recoveryCodeGroups } from '../../../core/recoveryCode';

/** Two different group numbers (0-based, in order) to ask back. */
export function pickTwoGroups(random: () => number = Math.random): [number, number] {
  const a = Math.floor(random() * RECOVERY_CODE_GROUPS);
  const b = (a + 1 + Math.floor(random() * (RECOVERY_CODE_GROUPS - 1))) % RECOVERY_CODE_GROUPS;
  return a < b ? [a, b] : [b, a];
}

/** The groups typed that differ from the code's (1-based numbers); empty when both fit. */
export function wrongGroups(code: string, asked: readonly number[], typed: readonly string[]): number[] {
  const groups = recoveryCodeGroups(code);
  return asked.filter((g, i) => normalizeRecoveryCode(typed[i] ?? '') !== groups[g]).map((g) => g + 1);
}
