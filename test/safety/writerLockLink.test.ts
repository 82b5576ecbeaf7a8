// One writer per data file, whatever the path typed: a symlink to the data file (or to its folder)
// meets the same lock as the file's own path (issue 15 item 6).
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../../backend/app';
import type { UserError } from '../../db/errors';
import { acquireWriterLock } from '../../db/writerLock';

let dir: string;
const open: Backend[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cd-lock-'));
});
afterEach(() => {
  for (const b of open.splice(0)) b.close();
  rmSync(dir, { recursive: true, force: true });
});

function openError(path: string): UserError {
  try {
    open.push(openBackend(path, { backupDir: join(dir, 'backups') }));
  } catch (e) {
    return e as UserError;
  }
  throw new Error(`opened ${path} twice`);
}

describe('the writer lock follows the real file', () => {
  it('refuses a second open through a symlink to the data file', () => {
    const real = join(dir, 'census.db');
    open.push(openBackend(real, { backupDir: join(dir, 'backups') }));
    const link = join(dir, 'link.db');
    symlinkSync(real, link);
    expect(openError(link).code).toBe('DB_LOCKED');
  });

  it('refuses a second open through a linked folder, and the other way round', () => {
    mkdirSync(join(dir, 'data'));
    symlinkSync(join(dir, 'data'), join(dir, 'alias'));
    open.push(openBackend(join(dir, 'alias', 'census.db'), { backupDir: join(dir, 'backups') }));
    expect(openError(join(dir, 'data', 'census.db')).code).toBe('DB_LOCKED');
  });

  it('locks a file not created yet through its real folder', () => {
    mkdirSync(join(dir, 'data'));
    symlinkSync(join(dir, 'data'), join(dir, 'alias'));
    const lock = acquireWriterLock(join(dir, 'alias', 'new.db'));
    try {
      expect(() => acquireWriterLock(join(dir, 'data', 'new.db'))).toThrow(/已由另一个普查办工作台打开/);
    } finally {
      lock.release();
    }
  });
});
