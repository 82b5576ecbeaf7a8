// Which key opens a backup or a data package about to replace the data, and which key the data
// file has after the swap (docs/encryption.md). Decided before anything is written: a refusal
// (no code, a wrong code) leaves every file as it was.
//   - a plain source: read plain; staged, then encrypted under the local key if the data file has one;
//   - a source under the local key: read with it, as today;
//   - a source under another key: its 恢复码 is needed. The staged copy is then re-keyed to the
//     local key, or, when the data file is plain (a new PC), the data file adopts the source's key.
import type { CipherKey } from '../../db/cipher';
import { isEncryptedFile, openSqlite, recoveryCodeWrong } from '../../db/cipher';
import { UserError } from '../../db/errors';
import type { Workspace } from '../context';
import { deriveKey, sameKey } from '../recoveryKey';
import { rekeyInBackground } from './offThread';
import { backupsEncrypted } from './encryptBackups';

export interface SourceKeys {
  /** What opens the source (null: it is plain). */
  source: CipherKey | null;
  /** The data file's key after the swap (null: it stays plain). */
  target: CipherKey | null;
  /** A plain data file takes the source's key: the code to hand to the shell afterwards (else null). */
  adopt: string | null;
}

/** Whether `key` opens the encrypted file at `path` (a first read through a read-only connection). */
function opensWith(path: string, key: CipherKey): boolean {
  try {
    openSqlite(path, { readonly: true, fileMustExist: true }, key).close();
    return true;
  } catch (e) {
    if (e instanceof UserError && e.code === 'RECOVERY_CODE_WRONG') return false;
    throw e;
  }
}

const needed = (what: string, local: boolean) =>
  new UserError(
    'RECOVERY_CODE_NEEDED',
    local
      ? `此${what}由其他恢复码加密，请输入它的恢复码。当前数据未作任何改动。`
      : `此${what}已加密，请输入它的恢复码。当前数据未作任何改动。`,
    [{ path: 'recoveryCode', message: `请输入此${what}的恢复码` }],
  );

const wrong = () =>
  new UserError('RECOVERY_CODE_WRONG', recoveryCodeWrong().message, [
    { path: 'recoveryCode', message: '恢复码不正确' },
  ]);

/** The keys for replacing the data with the file at `path`; refuses (RECOVERY_CODE_NEEDED / _WRONG) before anything moves. */
export async function keysFor(
  ws: Workspace,
  path: string,
  what: string,
  recoveryCode: string | undefined,
): Promise<SourceKeys> {
  // A backup being encrypted after safety.encrypt changes its key under us: wait for that run.
  await backupsEncrypted();
  const local = ws.key;
  if (!isEncryptedFile(path)) return { source: null, target: local, adopt: null };
  if (local && opensWith(path, local)) return { source: local, target: local, adopt: null };
  if (!recoveryCode) throw needed(what, local !== null);
  const key = await deriveKey(recoveryCode);
  if (!opensWith(path, key)) throw wrong();
  return { source: key, target: local ?? key, adopt: local ? null : recoveryCode };
}

/**
 * The staged copy (under the source's key, or plain) put under the key the data file will have, in
 * the backup worker (seconds for a big file; the request thread keeps answering). On a failure the
 * caller removes the staged copy: nothing was swapped.
 */
export async function rekeyStaged(staged: string, keys: SourceKeys): Promise<void> {
  if (keys.target === null || sameKey(keys.source, keys.target)) return;
  await rekeyInBackground(staged, keys.source, keys.target);
}
