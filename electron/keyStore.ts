// The office's 恢复码 kept on this PC so the desktop opens its encrypted data file without asking:
// encrypted by the operating system (Electron safeStorage: DPAPI on Windows, the keychain on
// macOS, the secret service on Linux) in `<data file>.key`, never in the clear. Where safeStorage
// is unavailable nothing is stored and the page asks for the code at every start.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { safeStorage } from 'electron';

export const keyFileOf = (dataPath: string) => `${dataPath}.key`;

/** The stored code, or null: no file, safeStorage unavailable, or bytes it cannot decrypt (another user or PC). */
export function loadRecoveryCode(dataPath: string): string | null {
  const file = keyFileOf(dataPath);
  try {
    if (!existsSync(file) || !safeStorage.isEncryptionAvailable()) return null;
    const code = safeStorage.decryptString(readFileSync(file));
    return code === '' ? null : code;
  } catch {
    return null;
  }
}

/**
 * Keeps `code` for the next start, replacing the file whole (temp + rename, so a crash leaves the
 * old code or the new one, never half of one). Returns whether it was stored.
 */
export function saveRecoveryCode(dataPath: string, code: string): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  const file = keyFileOf(dataPath);
  const temp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, safeStorage.encryptString(code), { mode: 0o600, flush: true });
    renameSync(temp, file);
    return true;
  } catch {
    rmSync(temp, { force: true });
    return false;
  }
}
