// Entry of the dashboard worker thread (backend/areas/dashboard/offThread.ts starts it). Plain
// JavaScript, so Node starts it as it is; the desktop build bundles it whole, countJobs.ts
// included. In a source tree (tsx, vitest) it first registers tsx for the TypeScript it runs; a
// built app has no tsx and needs none. The module name is not a literal so the bundler leaves tsx out.
const tsxApi = ['tsx', 'esm', 'api'].join('/');
try {
  const { register } = await import(tsxApi);
  register();
} catch {
  // Bundled: countJobs.ts below is already JavaScript inside this file.
}
await import('./countJobs.ts');
