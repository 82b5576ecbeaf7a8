// After safety.encrypt, the backups made before it — the 加密前 one included — are still plain
// files in the backup folder: exactly the ID numbers encryption is meant to keep out of the clear.
// So each plain backup in the catalogue is put under the office's new key, in the backup worker,
// one at a time (snapshotJobs.ts rekeyBackupCopy: copy, rekey, quick_check, fsync, rename over),
// the 加密前 one last, and its catalogue entry gets the key id. As safe as writing a backup: a
// failure leaves that backup exactly as it was, is recorded beside its status (备份与恢复 shows it)
// and never stops the others. A file the catalogue does not name (a copy the user put there) is
// left alone. Restores and other whole-file jobs wait for the run (a registered file reader).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { isEncryptedFile, type CipherKey } from '../../db/cipher';
import type { Workspace } from '../context';
import { keyIdOf } from '../recoveryKey';
import { cataloguedBackups, recordRekeyed, recordRekeyProblem } from './catalog';
import { dataBaseName } from './folder';
import { registerFileReader, rekeyBackupInBackground } from './offThread';

export interface BackupsEncrypted {
  encrypted: string[];
  failed: { file: string; problem: string }[];
}

/** Runs not yet finished (one per encrypt; normally none or one). */
const running = new Set<Promise<BackupsEncrypted>>();

registerFileReader({
  busy: () => running.size > 0,
  idle: async () => {
    await Promise.all([...running]);
  },
});

/** Resolves once no run is at work: a restore reads its backup's key only after (sourceKeys.ts). */
export async function backupsEncrypted(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
}

/** The plain catalogued backups still on disk, oldest first, the 加密前 ones last. */
function plainBackups(folder: string, base: string): string[] {
  const rows = cataloguedBackups(folder, base).filter((r) => {
    const path = join(folder, r.file);
    try {
      return statSync(path).isFile() && !isEncryptedFile(path);
    } catch {
      return false; // pruned or moved since it was recorded
    }
  });
  return [...rows.filter((r) => r.reason !== '加密前'), ...rows.filter((r) => r.reason === '加密前')].map(
    (r) => r.file,
  );
}

async function run(folder: string, base: string, key: CipherKey): Promise<BackupsEncrypted> {
  const done: BackupsEncrypted = { encrypted: [], failed: [] };
  const keyId = keyIdOf(key);
  for (const file of plainBackups(folder, base)) {
    const path = join(folder, file);
    try {
      const sizeBefore = statSync(path).size;
      const { size } = await rekeyBackupInBackground(path, null, key);
      recordRekeyed(folder, base, file, { sizeBefore, size, keyId });
      done.encrypted.push(file);
    } catch (e) {
      const problem = `此备份未能加密，仍是未加密的文件（${(e as Error).message}）`;
      done.failed.push({ file, problem });
      try {
        recordRekeyProblem(folder, base, file, problem);
      } catch {
        // The folder itself is gone or read-only: the answer below still says so.
      }
    }
  }
  return done;
}

/**
 * Starts putting every plain catalogued backup of the workspace under `key` in the background and
 * returns the run (it never rejects: failures are in its answer and in the catalogue).
 */
export function encryptPlainBackups(ws: Workspace, key: CipherKey): Promise<BackupsEncrypted> {
  const folder = ws.backupDir;
  const base = dataBaseName(ws.path);
  const job = run(folder, base, key).catch((e: Error) => ({
    encrypted: [],
    failed: [{ file: '', problem: e.message }],
  }));
  running.add(job);
  void job.finally(() => running.delete(job));
  return job;
}
