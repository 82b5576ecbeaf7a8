// Child of followupCrash.test.ts: opens the (plain) data file and encrypts it in place through
// Workspace.rekey; the test kills it (SIGKILL) while the rekey's rollback journal is being written.
// argv: <data file> <backup folder>
import { openBackend } from '../../backend/app';

const [dataPath, backupDir] = process.argv.slice(2);
const b = openBackend(dataPath, { backupDir });
console.log('rekeying');
b.rekey(Buffer.alloc(32, 7));
console.log('done');
process.exit(3); // not killed: the test fails
