// The renderer bundle: built from renderer/ into dist/renderer with relative URLs, so the same
// files load from app://censusdesk/ in Electron and from 127.0.0.1 in browser mode.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Everything as files: no inline scripts or data: modules the CSP would refuse.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
