// A big re-import's commit does not hold the request thread (issue #18): it runs in slices inside
// one transaction, and meanwhile reads answer from the last committed state — the data as before
// the import, never its half — while a write waits for the import to end and then runs. A commit
// that fails half-way leaves the data exactly as it was, and the reads never saw its rows.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit';
import { isEncryptedFile } from '../../db/cipher';
import { OFFICE, sandbox } from '../safety/fixtures';
import { adminCtx, type TestBackend } from '../helpers/backend';
import { countyBackend, upload } from './helpers';
import { csvBytes, makeId } from './make';

const N = 4000;
const NEW = 500;
let b: TestBackend;

const birth = (i: number) =>
  new Date(Date.UTC(1975, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
const idOf = (i: number) => makeId(birth(i), '001');
const roster = (n: number, employer: (i: number) => string, from = 0) =>
  csvBytes(
    [
      '姓名,公民身份号码,工作单位,人员类别,负责乡镇',
      ...Array.from({ length: n }, (_, k) => `人员${from + k},${idOf(from + k)},${employer(from + k)},普查员,锦屏镇`),
    ].join('\n'),
    'utf8',
  );

async function importFile(bytes: Buffer, name: string) {
  const up = await upload(b, 'person', name, bytes);
  await b.ok('import.preview', { importId: up.importId, pageSize: 10 });
  return up.importId;
}

/** Every person's stored 工作单位, straight from the file. */
const employers = () =>
  b.db.prepare('SELECT id_number, employer, updated_at FROM people ORDER BY id').all() as Record<string, unknown>[];

let ids: number[] = [];

/**
 * While `commit` runs: each turn of the event loop in which the writer connection is inside the
 * import's transaction, a list and two records are read through dispatch and must show the data
 * as before the import. Returns how many such rounds there were.
 */
async function readDuring(commit: Promise<unknown>, office: Pick<TestBackend, 'ok' | 'db'> = b): Promise<number> {
  let ended = false;
  void commit.finally(() => (ended = true));
  let rounds = 0;
  while (!ended) {
    await nextTurn();
    if (!office.db.inTransaction) continue;
    const [list, first, last] = await Promise.all([
      office.ok('person.list', { q: '人员', pageSize: 5 }),
      office.ok('person.get', { id: ids[0] }),
      office.ok('person.get', { id: ids[ids.length - 1] }),
    ]);
    expect(list.total).toBe(ids.length);
    expect(list.rows.every((r) => r.employer === '县统计局')).toBe(true);
    expect(first.employer).toBe('县统计局');
    expect(last.employer).toBe('县统计局');
    rounds++;
  }
  return rounds;
}

describe('a big re-import commit', () => {
  beforeEach(async () => {
    b = await countyBackend();
    const done = await b.ok('import.commit', {
      importId: await importFile(
        roster(N, () => '县统计局'),
        '花名册.csv',
      ),
      onExisting: 'update',
    });
    expect(done.created).toBe(N);
    ids = b.db.prepare('SELECT id FROM people ORDER BY id').pluck().all() as number[];
  }, 120_000);
  afterEach(() => b.dispose());

  it('lets reads through meanwhile, showing the data as before it; a write waits, then runs', async () => {
    // Every stored person changes 工作单位, and NEW people join.
    const importId = await importFile(
      roster(N + NEW, (i) => `县水务局（${i % 7}）`),
      '花名册-更新.csv',
    );
    const township = (await b.ok('township.list', {})).rows[0];
    const commit = b.ok('import.commit', { importId, onExisting: 'update' });
    let commitEnded = false;
    void commit.finally(() => (commitEnded = true));

    // A write asked for during the commit: it waits for the import, then runs after it.
    let writeSawCommitEnded: boolean | null = null;
    const write = (async () => {
      while (!b.db.inTransaction && !commitEnded) await nextTurn();
      const r = await b.ok('township.update', { id: township.id, note: '导入期间的修改' });
      writeSawCommitEnded = commitEnded;
      return r;
    })();

    const rounds = await readDuring(commit);
    const done = await commit;
    await write;
    expect(rounds).toBeGreaterThanOrEqual(3);
    expect(done).toMatchObject({ created: NEW, updated: N });
    expect(writeSawCommitEnded).toBe(true);

    // After it: all of it.
    const after = await b.ok('person.list', { q: '人员', pageSize: 5 });
    expect(after.total).toBe(N + NEW);
    expect((await b.ok('person.get', { id: ids[N - 1] })).employer).toBe(`县水务局（${(N - 1) % 7}）`);
    expect(employers().every((p) => String(p.employer).startsWith('县水务局'))).toBe(true);
    expect((await b.ok('township.list', {})).rows.find((t) => t.id === township.id)?.note).toBe('导入期间的修改');
    // One entry per record, the import's own, then the write's: one chain.
    const history = await b.ok('audit.list', { filters: { entity: 'person', entityId: ids[N - 1] }, pageSize: 5 });
    expect(history.rows[0]).toMatchObject({ action: 'import.update' });
    expect(verifyAudit(b.db)).toMatchObject({ ok: true });
  }, 120_000);

  it('failing half-way leaves the data exactly as it was, and reads never saw its rows', async () => {
    const importId = await importFile(
      roster(N + NEW, (i) => `县水务局（${i % 7}）`),
      '花名册-更新.csv',
    );
    const before = { people: employers(), counts: b.snapshot() };
    // A fault three quarters of the way through the updates (a constraint, as a full disk or a
    // broken rule would be): a trigger of the writer connection only, so the preview stays current.
    b.db.exec(
      `CREATE TEMP TRIGGER fail_late BEFORE UPDATE ON main.people WHEN NEW.id = ${ids[Math.floor(N * 0.75)]}
       BEGIN SELECT RAISE(ABORT, '模拟的约束错误'); END`,
    );
    try {
      const commit = b.dispatch('import.commit', { importId, onExisting: 'update' }, adminCtx);
      const rounds = await readDuring(commit);
      const r = await commit;
      expect(r.ok).toBe(false);
      expect(rounds).toBeGreaterThanOrEqual(2);
    } finally {
      b.db.exec('DROP TRIGGER temp.fail_late');
    }
    expect(employers()).toEqual(before.people);
    expect(b.snapshot()).toEqual(before.counts);
    expect(b.db.inTransaction).toBe(false);
    // And the same import then goes through.
    expect(await b.ok('import.commit', { importId, onExisting: 'update' })).toMatchObject({
      created: NEW,
      updated: N,
    });
  }, 120_000);
});

describe('on an encrypted data file', () => {
  it('reads during the commit go through a keyed read-only connection and see the data as before it', async () => {
    const box = sandbox({ key: Buffer.alloc(32, 5) });
    const ok = (async (method: string, input: unknown) => {
      const r = await box.b.dispatch(method, input, adminCtx);
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
      return r.data;
    }) as TestBackend['ok'];
    const office = {
      ok,
      get db() {
        return box.b.db;
      },
    };
    try {
      expect(isEncryptedFile(box.dataPath)).toBe(true);
      await ok('office.save', OFFICE);
      await ok('township.create', { code: '511323100', name: '锦屏镇' });
      const upload = async (bytes: Buffer, name: string) => {
        const up = await ok('import.upload', {
          kind: 'person',
          fileName: name,
          contentBase64: bytes.toString('base64'),
        });
        await ok('import.preview', { importId: up.importId, pageSize: 10 });
        return up.importId;
      };
      const n = 2000;
      await ok('import.commit', {
        importId: await upload(
          roster(n, () => '县统计局'),
          'a.csv',
        ),
        onExisting: 'update',
      });
      ids = box.b.db.prepare('SELECT id FROM people ORDER BY id').pluck().all() as number[];
      const importId = await upload(
        roster(n, (i) => `县水务局（${i % 7}）`),
        'b.csv',
      );
      const commit = ok('import.commit', { importId, onExisting: 'update' });
      const rounds = await readDuring(commit, office);
      expect(await commit).toMatchObject({ updated: n });
      expect(rounds).toBeGreaterThanOrEqual(1);
      expect((await ok('person.get', { id: ids[n - 1] })).employer).toBe(`县水务局（${(n - 1) % 7}）`);
    } finally {
      box.dispose();
    }
  }, 120_000);
});
