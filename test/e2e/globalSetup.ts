// The suite tests the bundle that ships, so it must have been built (`vite build`) beforehand.
import { existsSync } from 'node:fs';
import { PROJECT_ROOT, STATIC_DIR } from './server';
import { join } from 'node:path';

export default function globalSetup(): void {
  if (!existsSync(join(STATIC_DIR, 'index.html'))) {
    throw new Error(`界面尚未构建：请先在 ${PROJECT_ROOT} 运行 vite build（输出到 dist/renderer）`);
  }
}
