// Types for ./zipScan.mjs (plain JavaScript, run in the parse worker), as the TypeScript backend uses it.
export declare class ZipFault extends Error {
  /** Where the container is damaged. */
  readonly part: 'end' | 'directory' | 'localHeader' | 'entry';
  constructor(message: string, part?: ZipFault['part']);
}

/** One central-directory record as stored; the name is left undecoded. */
export interface RawZipEntry {
  rawName: Uint8Array;
  flags: number;
  extra: Uint8Array;
  method: number;
  compressed: number;
  size: number;
  offset: number;
}

export declare function readCentralDirectory(bytes: Uint8Array): { entries: RawZipEntry[]; zip64: boolean };
export declare function entryDataStart(bytes: Uint8Array, offset: number): number;
