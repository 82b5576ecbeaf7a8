// The suite tests what ships: the renderer must have been built (`vite build`) beforehand, and the
// server bundle `npm run serve` runs (dist/server, scripts/build-serve.mjs) is built here, once per
// run, when a source is newer than it.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureServeBundle } from '../bench/serveProcess';
import { PROJECT_ROOT, STATIC_DIR } from './server';

export default function globalSetup(): void {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    throw new Error(`界面尚未构建：请先在 ${PROJECT_ROOT} 运行 vite build（输出到 dist/renderer）`);
  }
  ensureServeBundle();
}
