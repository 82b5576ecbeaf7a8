// Encryption at rest as the office sees it (docs/encryption.md): issuing a 恢复码, encrypting the
// data file under it (safety.encrypt: a verified backup first when the office has data, then the
// file re-keyed in place by Workspace.rekey), what 安全设置 shows, and setup.unlock on a file that
// is already open (the closed file's unlock is the locked gate's, backend/lockedStart.ts).
import { randomBytes } from 'node:crypto';
import type { OutputOf, ParsedInputOf } from '../../../core/api';
import { newRecoveryCode, normalizeRecoveryCode } from '../../../core/recoveryCode';
import { isEncryptedFile, recoveryCodeWrong, type CipherKey } from '../../../db/cipher';
import { UserError } from '../../../db/errors';
import { workspaceOf, type HandlerCtx, type Workspace } from '../../context';
import { deriveKey, keyIdOf, sameKey } from '../../recoveryKey';
import { perWorkspace } from '../../rateLimit';
import { backgroundIdle } from '../../backups/offThread';
import { backupAheadOfWrite, exactBackup } from '../../backups/write';
import { clearRestoreIntent, writeRestoreIntent } from '../../backups/restoreIntent';
import { encryptPlainBackups } from '../../backups/encryptBackups';
import { beginUnlock } from './unlockGuard';

/** An issued code is taken back by safety.encrypt for this long (the wizard's print-and-type-back step). */
const ISSUED_FOR_MS = 60 * 60_000;

/** Codes this backend issued, by their 32 digits, with when. In memory only: never written anywhere. */
const issuedOf = perWorkspace(() => new Map<string, number>());

/** The workspace's key (null: the data file is plain). */
export const workspaceKey = (ws: Workspace): CipherKey | null => ws.key;

export function issueRecoveryCode(ctx: HandlerCtx): OutputOf<'safety.newRecoveryCode'> {
  const code = newRecoveryCode(randomBytes(16));
  const issued = issuedOf(workspaceOf(ctx));
  const now = ctx.now().getTime();
  for (const [c, at] of issued) if (now - at > ISSUED_FOR_MS) issued.delete(c);
  issued.set(normalizeRecoveryCode(code), now);
  return { recoveryCode: code };
}

export function encryptionStatus(ctx: HandlerCtx): OutputOf<'safety.encryption'> {
  const key = workspaceKey(workspaceOf(ctx));
  return { encrypted: key !== null, keyId: key ? keyIdOf(key) : null };
}

/**
 * Whether the office holds anything beyond its first run: every change is audited, so any entry
 * other than the first run's own (setup, logins) means data worth a backup before encrypting. A
 * new office's wizard encrypts right after setup.init, with nothing to back up.
 */
function hasData(ctx: HandlerCtx): boolean {
  const row = ctx.db
    .prepare(`SELECT 1 FROM audit_log WHERE action NOT IN ('setup', 'login', 'loginFailed') LIMIT 1`)
    .get();
  return row !== undefined;
}

const notIssued = () =>
  new UserError('RECOVERY_CODE_NOT_ISSUED', '请使用刚生成的恢复码（恢复码生成后1小时内有效，请重新生成）', [
    { path: 'recoveryCode', message: '请使用刚生成的恢复码' },
  ]);

/**
 * safety.encrypt (effect replacesData: one at a time, outside any transaction). The backup is
 * made in the backup worker ahead of the re-key and taken only if nothing was written since
 * (backend/backups/write.ts exactBackup). The re-key itself runs in a DELETE-journal transaction
 * (Workspace.rekey): a crash leaves the plain file. A crash after it and before the audit entry is
 * caught by the intent written first: at the next start an encrypted file with the intent gets its
 * entry (backend/backups/restoreIntent.ts). Afterwards the plain backups in the catalogue are
 * encrypted under the key in the backup worker (backend/backups/encryptBackups.ts).
 */
export async function encryptDataFile(
  ctx: HandlerCtx,
  input: ParsedInputOf<'safety.encrypt'>,
): Promise<OutputOf<'safety.encrypt'>> {
  const ws = workspaceOf(ctx);
  const digits = normalizeRecoveryCode(input.recoveryCode);
  const issuedAt = issuedOf(ws).get(digits);
  if (issuedAt === undefined || ctx.now().getTime() - issuedAt > ISSUED_FOR_MS) throw notIssued();
  if (ws.path === ':memory:') throw new UserError('BACKUP_UNAVAILABLE', '内存中的临时数据无法加密');
  if (workspaceKey(ws) !== null || isEncryptedFile(ws.path)) throw new UserError('ALREADY_ENCRYPTED', '数据文件已加密');
  const key = await deriveKey(digits);
  const keyId = keyIdOf(key);
  const ahead = hasData(ctx) ? await backupAheadOfWrite(ws, '加密前', ctx.now()) : null;
  // Every background reader lets go of the file before it is re-keyed.
  await backgroundIdle();
  if (workspaceKey(ws) !== null) throw new UserError('ALREADY_ENCRYPTED', '数据文件已加密');
  const backup = ahead || hasData(ctx) ? exactBackup(ws, ahead, '加密前') : null;
  const after = { keyId, backup: backup?.file ?? null };
  writeRestoreIntent(ws.path, { action: 'encrypt', entity: 'safety', staged: '', after });
  try {
    ws.rekey(key);
  } catch (e) {
    // Left as it was (rekey's promise): nothing to settle at the next start.
    if (workspaceKey(ws) === null) clearRestoreIntent(ws.path);
    // Re-keyed, but the check after it failed: the file is under this code now. The intent stays
    // (the next start writes the entry) and the shell keeps the code, or the next start must ask.
    else ws.adoptRecoveryCode?.(input.recoveryCode);
    throw e;
  }
  // No code and no key in the log: the key id names it.
  ctx.audit('encrypt', 'safety', null, null, after);
  issuedOf(ws).delete(digits);
  ws.adoptRecoveryCode?.(input.recoveryCode);
  // The backups made before this (the 加密前 one last) are put under the key in the background:
  // the answer does not wait; 备份与恢复 lists them as before and shows any that could not be.
  void encryptPlainBackups(ws, key);
  return { keyId, backupPath: backup?.path ?? null };
}

/**
 * setup.unlock on an open file: ok for the file's own code (the page asked for it, e.g. a second
 * tab after the unlock), RECOVERY_CODE_WRONG for any other, with the login-style back-off. A plain
 * file has no code: any well-formed one is wrong.
 */
export async function unlockOpen(
  ctx: HandlerCtx,
  input: ParsedInputOf<'setup.unlock'>,
): Promise<OutputOf<'setup.unlock'>> {
  const ws = workspaceOf(ctx);
  const attempt = beginUnlock(ws, ctx.session, () => ctx.now().getTime());
  try {
    const key = await deriveKey(input.recoveryCode);
    if (!sameKey(workspaceKey(ws), key)) {
      attempt.end(false);
      throw recoveryCodeWrong();
    }
    attempt.end(true);
    return { unlocked: true };
  } finally {
    attempt.end(false); // only an unexpected error gets here unended
  }
}
