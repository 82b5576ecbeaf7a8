// Saving a workbook where the desktop's save dialog said: written to a temporary file in the same
// folder, flushed, then renamed over the target, so the target is either the old file or the
// whole new one — never half a workbook. A file Excel or WPS holds open cannot be replaced
// (Windows refuses the rename); the clerk is told so, and the old file stays as it was.
import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../../db/errors';

const fail = (code: string, message: string) => new UserError(code, message, [{ path: 'savePath', message }]);

/** Checks before any work is done: an absolute .xlsx path in an existing folder, not a read-only file. */
export function checkSavePath(path: string): void {
  if (!isAbsolute(path) || !/\.xlsx$/i.test(path)) throw fail('INVALID_INPUT', '保存路径应为以 .xlsx 结尾的完整路径');
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw fail('SAVE_FAILED', `保存位置不存在：${dir}`);
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isDirectory()) throw fail('SAVE_FAILED', `“${basename(path)}”是一个文件夹，不能保存为文件，请另选文件名`);
  // The read-only attribute (Windows) shows as a mode without write bits.
  if ((st.mode & 0o222) === 0) {
    throw fail(
      'TARGET_READ_ONLY',
      `文件“${basename(path)}”是只读文件，不能覆盖。请另选文件名，或先取消该文件的只读属性。原文件未改动`,
    );
  }
}

/** The clerk's words for what the file system refused. */
export function saveError(e: unknown, path: string): UserError {
  const name = basename(path);
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const unchanged = '原文件未改动，也没有留下不完整的文件';
  switch (code) {
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      return fail(
        'TARGET_LOCKED',
        `无法保存“${name}”：文件正被其他程序（如 Excel 或 WPS）打开，或没有写入该位置的权限。请关闭该文件后重试，或另存为其他文件名。${unchanged}`,
      );
    case 'ENOSPC':
      return fail('DISK_FULL', `无法保存“${name}”：磁盘空间不足。${unchanged}`);
    case 'EROFS':
      return fail('TARGET_LOCKED', `无法保存“${name}”：该磁盘为只读。${unchanged}`);
    case 'EISDIR':
      return fail('SAVE_FAILED', `“${name}”是一个文件夹，不能保存为文件，请另选文件名`);
    case 'ENOENT':
      return fail('SAVE_FAILED', `保存位置不存在：${dirname(path)}`);
    default:
      return fail('SAVE_FAILED', `无法保存“${name}”（${code || (e as Error).message}）。${unchanged}`);
  }
}

/** Temp file beside the target, flushed, renamed over it; on any failure the temp file goes away. */
export function replaceFile(path: string, bytes: Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // The temporary file was never created.
    }
    throw saveError(e, path);
  }
}

export function saveAtomically(path: string, bytes: Uint8Array): string {
  checkSavePath(path);
  replaceFile(path, bytes);
  return path;
}
