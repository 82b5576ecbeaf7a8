// Types for build/unpackedIntegrity.mjs (used by test/electron/nativeIntegrity.test.ts and test/build).
export declare const MANIFEST: string;
export declare function unpackedHashes(
  appDir: string,
  transform?: (path: string) => unknown,
): Promise<Record<string, string>>;
export declare function beforePack(context: { packager: { info: { appDir: string } } }): Promise<void>;
export declare function afterPack(context: { appOutDir: string }): Promise<void>;
