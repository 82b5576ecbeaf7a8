// A restored backup and an imported data package are opened like any other file, so they get
// the current views whatever views they carried.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { VIEWS } from '../../db/views';
import { sandbox, staffWorkspace } from '../safety/fixtures';
import { buildBefore, currentView, master } from './fixtures/before';

describe('views after a restore or a package import', () => {
  it('a restored backup and an imported package get the current views when opened', async () => {
    const box = sandbox();
    try {
      const { admin } = await staffWorkspace(box.b);
      const call = async (method: string, input: unknown) => {
        const r = await box.b.dispatch(method, input, { operator: admin });
        if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
        return r.data as Record<string, unknown>;
      };
      const peopleView = () =>
        box.b.db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'people_view'`).pluck().get();

      const backup = await call('backup.now', {});
      const raw = new Database(backup.path as string);
      raw.exec(`DROP VIEW people_view; CREATE VIEW people_view AS SELECT id, 'stale' AS training_status FROM people`);
      raw.close();
      await call('backup.restore', { file: backup.file });
      expect(peopleView()).toBe(currentView('people_view'));

      // A package from a file made before schema history: the old views inside.
      const pkg = join(box.dir, 'old.cdpkg');
      buildBefore(pkg).close();
      await call('package.import', { path: pkg });
      expect(peopleView()).toBe(currentView('people_view'));
      expect(master(box.b.db, ['view'])).toHaveLength(VIEWS.length);
    } finally {
      box.dispose();
    }
  });
});
