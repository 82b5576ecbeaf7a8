// Child of restoreIntent.test.ts: restores a backup through dispatch and is killed (SIGKILL, by
// itself) at the moment the test names — just before the data file is swapped, or just after the
// swap and reopen, before the restore's audit entry is written.
// argv: <data file> <backup folder> <backup file> <beforeSwap|afterSwap> <operator as JSON>
import { openBackend } from '../../backend/app';

const [dataPath, backupDir, file, when, operator] = process.argv.slice(2);
const b = openBackend(dataPath, { backupDir });
const reopen = b.reopen.bind(b);
b.reopen = (swap) => {
  if (when === 'beforeSwap') process.kill(process.pid, 'SIGKILL');
  reopen(swap);
  if (when === 'afterSwap') process.kill(process.pid, 'SIGKILL');
};
void b.dispatch('backup.restore', { file }, { operator: JSON.parse(operator) }).then((r) => {
  console.log(JSON.stringify(r));
  process.exit(3); // not killed: the test fails
});
