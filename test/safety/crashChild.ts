// The process the crash test kills: it opens the workspace through openBackend and changes it
// through dispatch, in transactions of its own (bulk creates, updates, deletes). Before each COMMIT
// it logs the hash the data will have once committed (`P k hash`), after it the committed one
// (`C k hash`), each line fsynced — so the parent knows both possible states at any kill.
//   crashChild <data file> <backup folder> <log file> <seed>
// Waits for "go" on stdin (so its start-up can overlap the previous trial), prints "opened" once
// the data is open, then works until it is killed.
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { openBackend } from '../../backend/app';
import type { CallCtx } from '../../backend/context';
import { idNumber, mobile, personName, roleMix } from '../../backend/demo/people';
import { seededRandom } from '../../backend/demo/random';
import { contentHash } from './fixtures';

const [dataPath, backupDir, logPath, seedText] = process.argv.slice(2);
const r = seededRandom(Number(seedText));
const ctx: CallCtx = { operator: { id: null, name: '崩溃测试', role: '管理员' }, unmasked: true };
const MAX_PEOPLE = 1500;

const log = openSync(logPath, 'a');
function record(line: string) {
  writeSync(log, `${line}\n`);
  fsyncSync(log);
}

async function main() {
  await new Promise<void>((go) => process.stdin.once('data', () => go()));
  const b = openBackend(dataPath, { backupDir });
  const db = b.db;
  const call = (method: string, input: unknown) => b.dispatch(method, input, ctx);
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const someIds = (table: string, n: number) =>
    (db.prepare(`SELECT id FROM ${table} ORDER BY random() LIMIT ?`).all(n) as { id: number }[]).map((x) => x.id);
  record(`C 0 ${contentHash(db)}`);
  process.stdout.write('opened\n');

  for (let k = 1; ; k++) {
    db.exec('BEGIN IMMEDIATE');
    const kind = r.next();
    const people = count('SELECT count(*) AS n FROM people');
    if (kind < 0.45 && people < MAX_PEOPLE) {
      // A bulk create, as an import would do it.
      const seq = count('SELECT coalesce(max(id), 0) AS n FROM people');
      for (let i = 1, n = r.int(3, 25); i <= n; i++) {
        const sex = r.chance(0.5) ? '男' : '女';
        await call('person.create', {
          name: personName(r),
          roles: [roleMix(r)],
          idNumber: idNumber(r, '511323', seq + i, sex),
          mobile: mobile(r),
        });
      }
    } else if (kind < 0.8) {
      for (const id of someIds('people', r.int(1, 25)))
        await call('person.update', { id, note: `第${k}次修改`, mobile: mobile(r) });
    } else if (kind < 0.9) {
      const t = count('SELECT count(*) AS n FROM townships');
      const code = `511323${String(100 + (t % 900)).padStart(3, '0')}`;
      const made = await call('township.create', { code, name: `镇${k}` });
      if (made.ok) {
        const id = (made.data as { id: number }).id;
        for (let v = 1; v <= r.int(1, 8); v++)
          await call('village.create', {
            townshipId: id,
            code: `${code}${String(v).padStart(3, '0')}`,
            name: `村${v}`,
          });
      }
    } else {
      for (const id of someIds('people', r.int(1, 10))) await call('person.delete', { id });
    }
    // Committing does not change the content: the hash read inside the transaction is the one after.
    const after = contentHash(db);
    record(`P ${k} ${after}`);
    db.exec('COMMIT');
    record(`C ${k} ${after}`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  closeSync(log);
  process.exit(1);
});
