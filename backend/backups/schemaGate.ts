// One gate for every file that replaces the data (a backup restored, a data package opened, a
// backup put back at start-up): its schema must be this app's own at its version
// (db/schemaCheck.ts), or nothing happens. Checked on the source before anything moves, and again
// on the staged copy just before the swap, so a file changed in between cannot slip through.
import type { CipherKey } from '../../db/cipher';
import { UserError } from '../../db/errors';
import { fileSchemaDifferences } from '../../db/schemaCheck';
import { describeSqliteFailure } from '../../db/snapshot';

const SHOWN = 5;

/**
 * Refuses `path` with a Chinese message naming what differs; `what`: 数据包 / 备份文件. An
 * encrypted file is read through `key` (RECOVERY_CODE_NEEDED / _WRONG when it does not open it).
 */
export function refuseForeignSchema(
  path: string,
  what: string,
  unchanged = '当前数据未作任何改动。',
  key: CipherKey | null = null,
): void {
  let differences: string[];
  try {
    differences = fileSchemaDifferences(path, undefined, key);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('SOURCE_DAMAGED', `${what}无法使用：${describeSqliteFailure(e)}。${unchanged}`);
  }
  if (!differences.length) return;
  const more = differences.length > SHOWN ? `等 ${differences.length} 处` : '';
  throw new UserError(
    'SOURCE_SCHEMA',
    `${what}的数据库结构与本程序不符（${differences.slice(0, SHOWN).join('；')}${more}），可能夹带了会在本机运行的程序，已拒绝使用。${unchanged}`,
  );
}
