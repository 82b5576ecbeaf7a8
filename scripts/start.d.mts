// Types for scripts/start.mjs (used by test/build/start.test.ts).
export declare const NO_ELECTRON_MESSAGE: string;
export declare function installedElectron(electronDir: string): string | null;
export declare function fetchElectron(electronDir: string, env?: NodeJS.ProcessEnv): boolean;
