// The renderer bundle: built from renderer/ into dist/renderer with relative URLs, so the same
// files load from app://censusdesk/ in Electron and from 127.0.0.1 in browser mode.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { townFiles } from './scripts/divisionTowns';

/** The per-province township and village lists (scripts/divisionTowns.ts), made at every build. */
const divisionTowns = (): Plugin => ({
  name: 'censusdesk-division-towns',
  apply: 'build',
  generateBundle() {
    for (const f of townFiles()) this.emitFile({ type: 'asset', fileName: f.fileName, source: f.content });
  },
});

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  // Vite 8 compiles TSX itself (oxc); React 17+ JSX needs no React import in scope.
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [divisionTowns()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Everything as files: no inline scripts or data: modules the CSP would refuse.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // A local desktop app: one large bundle read from disk, never over a network.
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; meaningless in a bundle.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
