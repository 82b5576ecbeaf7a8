// Fields that carry a whole file (a workbook, a data package) as base64 text. In-process callers
// and the desktop's IPC pass the text itself. Browser mode's HTTP transport never puts a file inside
// JSON: an answer's file field arrives holding a one-time download reference instead (the bytes
// are fetched with GET /api/download/<id>), and an input's file field may hold an upload reference
// (the bytes were sent first, as they are, with POST /api/upload). Base64 text never contains ':',
// so a reference can never be mistaken for a file.
import type { z } from 'zod';

/** Marks `schema` as a field carrying a file as base64 (its other metadata kept, e.g. the label). */
export function fileField<T extends z.ZodType>(schema: T): T {
  return schema.meta({ ...(schema.meta() ?? {}), file: true });
}

export const isFileField = (schema: z.ZodType): boolean => schema.meta()?.file === true;

/** Where browser mode fetches a download (`+ id`) and sends an upload. */
export const DOWNLOAD_PATH = '/api/download/';
export const UPLOAD_PATH = '/api/upload';

const DOWNLOAD = 'download:';
const UPLOAD = 'upload:';
const refId = (prefix: string, v: unknown) =>
  typeof v === 'string' && v.startsWith(prefix) ? v.slice(prefix.length) : null;

export const downloadRef = (id: string) => DOWNLOAD + id;
export const uploadRef = (id: string) => UPLOAD + id;
/** The download id a file field holds over HTTP; null for base64 text (or nothing). */
export const downloadIdOf = (v: unknown): string | null => refId(DOWNLOAD, v);
export const uploadIdOf = (v: unknown): string | null => refId(UPLOAD, v);
