// Entry of the main process, bundled to dist/electron/main.cjs: the preload and the backend's
// bundle lie beside it, the built renderer in dist/renderer.
import { join } from 'node:path';
import { startShell } from './shell';

startShell({ bundleDir: __dirname, rendererDir: join(__dirname, '..', 'renderer') });
