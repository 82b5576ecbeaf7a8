// Run by kill.test.ts in a child process: stages a big roster import and commits it, pausing
// inside the transaction (after `pauseAt` people are written) so the parent can SIGKILL it there.
// The pause is a TEMP trigger on this connection only: nothing of it reaches the data file.
import { readFileSync, writeSync } from 'node:fs';
import { openBackend } from '../../backend/app';

const [dbPath, xlsxPath, pauseAt] = process.argv.slice(2);
const admin = { operator: { id: null, name: '测试管理员', role: '管理员' as const } };
const b = openBackend(dbPath);
const call = async (method: string, input: unknown) => {
  const r = await b.dispatch(method, input, admin);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.data as Record<string, unknown>;
};

const up = await call('import.upload', {
  kind: 'person',
  fileName: 'big.xlsx',
  contentBase64: readFileSync(xlsxPath).toString('base64'),
});
await call('import.preview', { importId: up.importId, pageSize: 1 });

let written = 0;
b.db.function('pause_import', () => {
  if (++written === Number(pauseAt)) {
    writeSync(1, `INSIDE ${written} pid ${process.pid}\n`);
    // Hold the transaction open until the parent kills us.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  }
  return null;
});
b.db.exec('CREATE TEMP TRIGGER pause_import AFTER INSERT ON main.people BEGIN SELECT pause_import(); END');
await call('import.commit', { importId: up.importId, onExisting: 'update' });
writeSync(1, 'COMMITTED\n');
