// Entry of the utility process that runs the whole backend (bundled to backendProcess.cjs), so
// exports, imports and backups never freeze the window. The data file comes as `--data <path>`; the
// 恢复码 kept on this PC, if any, as the first message (never in argv or the environment).
// It also runs the automatic backups (at start, then daily), as `npm run serve` does.
import { backendHost, serveBackend, type ParentPortLike } from './backendProtocol';

const port = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
const dataArg = process.argv.indexOf('--data');
const dataPath = dataArg >= 0 ? process.argv[dataArg + 1] : undefined;

if (!port || !dataPath) {
  console.error('backendProcess: run me with utilityProcess.fork(…, ["--data", path])');
  process.exit(2);
} else {
  serveBackend(
    port,
    backendHost(dataPath, (code) => process.exit(code)),
  );
}
