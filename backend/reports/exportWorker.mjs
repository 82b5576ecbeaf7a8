// Entry of the export worker thread (backend/reports/pool.ts starts it). Plain JavaScript, so Node
// starts it as it is; the desktop build bundles it whole, worker.ts included. In a source tree
// (tsx, vitest) it first registers tsx for the TypeScript it runs; a built app has no tsx and
// needs none. The module name is not a literal so the bundler leaves tsx out.
const tsxApi = ['tsx', 'esm', 'api'].join('/');
try {
  const { register } = await import(tsxApi);
  register();
} catch {
  // Bundled: worker.ts below is already JavaScript inside this file.
}
await import('./worker.ts');
