// Entry of the checkpoint worker thread (backend/checkpoint.ts starts it after a sliced write).
// Plain JavaScript, so Node starts it as it is; the desktop build bundles it whole, checkpointJob.ts
// included. In a source tree (tsx, vitest) it first registers tsx for the TypeScript it runs; a
// built app has no tsx and needs none. The module name is not a literal so the bundler leaves tsx out.
const tsxApi = ['tsx', 'esm', 'api'].join('/');
try {
  const { register } = await import(tsxApi);
  register();
} catch {
  // Bundled: checkpointJob.ts below is already JavaScript inside this file.
}
await import('./checkpointJob.ts');
