// Sizes the importer accepts and keeps. Browser mode sends the file's bytes with POST /api/upload,
// whose limit is this one (backend/transports/files.ts UPLOAD_LIMIT); a county's roster of 20k
// people is about 1 MB as .xlsx.
export const MAX_FILE_BYTES = 14 * 1024 * 1024;
/** Staged imports kept per open database; the oldest is dropped beyond this. */
export const MAX_STAGED = 4;
/** Bytes of staged files kept per open database (the parsed sheets cost a few times this). */
export const MAX_STAGED_BYTES = 32 * 1024 * 1024;
/** A staged import nobody touched for this long is dropped. */
export const STAGED_TTL_MS = 2 * 60 * 60 * 1000;
/** Rows checked between two yields to the event loop (progress polls and cancels get answered). */
export const VALIDATE_CHUNK = 2000;
/** Errors listed in one preview answer; the error workbook holds them all. */
export const MAX_LISTED_ERRORS = 1000;
