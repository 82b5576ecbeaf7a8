// What the page may ask of the shell, checked in the main process: the preload passes requests
// through as they are, so anything the page sends is validated here before a dialog opens.
import { basename } from 'node:path';
import { z } from 'zod';
import type { OpenFileRequest, PrintRequest, SaveFileRequest } from './desktopApi';

/** Content written by saveFile: enough for any sheet a page makes, far below what freezes a dialog. */
export const MAX_SAVE_BYTES = 100 * 1024 * 1024;

/**
 * A document sent to print: a print view of a few hundred rows is well under 1 MB (a 劳务报酬发放表
 * row is ~360 bytes). The cap keeps its data: URL under Chromium's 2 MB limit on URLs
 * (printWindow.ts); ~4000 rows reach it.
 */
export const MAX_PRINT_HTML_BYTES = 1_500_000;

const kind = z.enum(['excel', 'csv', 'pdf', 'backup', 'package']);
const title = z.string().max(100).optional();

/** A file name only: folders in it are dropped, characters Windows refuses become 「_」. */
export function safeFileName(name: string): string {
  const printable = Array.from(name, (c) => (c.charCodeAt(0) < 0x20 ? '_' : c)).join('');
  const base = basename(printable.replace(/\\/g, '/'))
    .replace(/[<>:"|?*]/g, '_')
    .trim();
  return base === '' || base === '.' || base === '..' ? '未命名' : base.slice(0, 150);
}

const saveSchema = z.strictObject({
  kind,
  defaultName: z.string().max(300).transform(safeFileName),
  title,
  data: z
    .union([z.string(), z.instanceof(Uint8Array)])
    .optional()
    .refine(
      (d) => d === undefined || (typeof d === 'string' ? Buffer.byteLength(d) : d.byteLength) <= MAX_SAVE_BYTES,
      '文件内容过大',
    ),
});

const openSchema = z.strictObject({ kinds: z.array(kind).min(1).max(4), title });

const printSchema = z.strictObject({
  target: z.enum(['printer', 'pdf']),
  html: z
    .string({ error: '打印内容应为 HTML 文本' })
    .min(1, '打印内容不能为空')
    .refine(
      (h) => Buffer.byteLength(h) <= MAX_PRINT_HTML_BYTES,
      `打印内容过大（超过 ${MAX_PRINT_HTML_BYTES / 1_000_000} MB）：请分批打印，或导出Excel后打印`,
    )
    .optional(),
  defaultName: z.string().max(300).transform(safeFileName).optional(),
  landscape: z.boolean().optional(),
});

function parse<T>(schema: z.ZodType<T>, what: string, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  // Our own messages are in Chinese and say what to do; zod's English defaults are not shown.
  const own = r.error.issues.map((i) => i.message).find((m) => /[\u4e00-\u9fff]/.test(m));
  throw new Error(own ? `${what}的参数无效：${own}` : `${what}的参数无效`);
}

export const parseSaveFileRequest = (v: unknown): SaveFileRequest => parse(saveSchema, '保存文件', v);
export const parseOpenFileRequest = (v: unknown): OpenFileRequest => parse(openSchema, '打开文件', v);
export const parsePrintRequest = (v: unknown): PrintRequest => parse(printSchema, '打印', v);
