// An office's data file encrypted with a known 恢复码, made once per test file through dispatch
// (setup.init), and fresh copies of it: a PC's copy of the office's file, one per test.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openBackend } from '../../backend/app';
import { deriveKey } from '../../backend/recoveryKey';
import { isEncryptedFile } from '../../db/cipher';
import { OFFICE } from '../transports/client';
import { adminCtx } from './backend';

export interface EncryptedOffice {
  /** The temp folder holding everything the tests make. */
  root: string;
  /** The office's encrypted data file. */
  original: string;
  /** A PC's copy of the office's encrypted file, in a folder of its own under root. */
  copy: () => string;
  /** Removes root. */
  remove: () => void;
}

/** A set-up office (admin / secret123) encrypted with `code`, in a new temp folder named from `prefix`. */
export async function encryptedOffice(prefix: string, code: string): Promise<EncryptedOffice> {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const original = join(root, 'office', 'census.db');
  const b = openBackend(original, { key: await deriveKey(code), backupDir: join(root, 'office-backups') });
  try {
    const r = await b.dispatch(
      'setup.init',
      { office: OFFICE, admin: { name: 'admin', password: 'secret123' } },
      adminCtx,
    );
    expect(r.ok).toBe(true);
  } finally {
    b.close();
  }
  expect(isEncryptedFile(original)).toBe(true);
  return {
    root,
    original,
    copy: () => {
      const path = join(mkdtempSync(join(root, 'pc-')), 'census.db');
      writeFileSync(path, readFileSync(original));
      return path;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
