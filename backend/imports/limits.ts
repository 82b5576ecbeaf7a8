// Sizes the importer accepts and keeps (docs/imports.md "Limits" says why each number). Browser
// mode sends the file's bytes with POST /api/upload, whose limit is this one
// (backend/transports/files.ts UPLOAD_LIMIT); a county's roster of 20k people is about 1 MB as .xlsx.
import { SLICE_MS } from '../eventLoop';

export const MAX_FILE_BYTES = 14 * 1024 * 1024;
/** Staged imports kept per open database; the oldest is dropped beyond this. */
export const MAX_STAGED = 4;
/**
 * Memory held by staged imports per open database: each one's file bytes plus its parsed sheets
 * (estimated by the worker as it builds them). The oldest are dropped to make room.
 */
export const MAX_STAGED_BYTES = 512 * 1024 * 1024;
/** A staged import nobody touched for this long is dropped. */
export const STAGED_TTL_MS = 2 * 60 * 60 * 1000;
/**
 * A preview's check lets the event loop in (other requests, progress polls, a cancel) after this
 * long on the request thread: the same slice as a sliced commit's…
 */
export const CHECK_SLICE_MS = SLICE_MS;
/** …and after this many rows at the most, however fast they go. */
export const VALIDATE_CHUNK = 2000;
/**
 * People written per step of a commit: a sliced commit lets other requests in between steps (a step
 * is 4–10 ms of writing at 20–50 µs a person; the slices are 10 ms), and the audit entries follow
 * in slices of their own.
 */
export const WRITE_CHUNK = 200;
/** Errors listed in one preview answer; the error workbook holds them all. */
export const MAX_LISTED_ERRORS = 1000;

/** What a workbook from outside may hold before it is read (checked in the parse worker). */
export interface ParseLimits {
  /** Sum of the zip entries' declared sizes (.xlsx, .ods), refused before inflating. */
  maxUnzippedBytes: number;
  /** Last row holding a value, per sheet. */
  maxRows: number;
  /** Last column holding a value, per sheet. */
  maxColumns: number;
  /** Cells holding a value, the whole workbook. */
  maxCells: number;
  /** Merged ranges, per sheet. */
  maxMerges: number;
  /** The worker's heap (V8 old generation), in MB; past it the worker is ended, not the app. */
  maxHeapMb: number;
  /** Reading one file takes at most this long; then the worker is ended. */
  timeoutMs: number;
}

export const IMPORT_LIMITS: ParseLimits = {
  maxUnzippedBytes: 256 * 1024 * 1024,
  maxRows: 100_000,
  maxColumns: 200,
  maxCells: 3_000_000,
  maxMerges: 20_000,
  maxHeapMb: 768,
  timeoutMs: 60_000,
};
