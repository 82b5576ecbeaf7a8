// Types for scripts/build-electron.mjs (used by the tests in test/build).
export declare const IMPORT_META_URL_SHIM: string;
export declare function buildElectron(outdir?: string): Promise<{ outdir: string; workers: string[] }>;
