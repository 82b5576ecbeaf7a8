// The IT person's check of the audit log, without starting the app (it may even be running):
//   npx tsx scripts/verify-audit.ts <数据文件>
// An encrypted file asks for its 恢复码 (or takes CENSUSDESK_RECOVERY_CODE). Opens the file read-only, walks the hash chain and the head, and names the first entry that does
// not fit. Exit code 0: intact; 1: broken (the entry is printed); 2: the file cannot be read.
import type { Database } from 'better-sqlite3';
import { verifyAudit } from '../db/audit';
import { openSqlite } from '../db/cipher';
import { UserError } from '../db/errors';
import { keyForFiles } from './askRecoveryCode';
import { describeSqliteFailure } from '../db/snapshot';
import { actionLabel, entityLabel } from '../core/auditLabels';

const localTime = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

async function main(argv: string[]): Promise<number> {
  const path = argv[0];
  if (!path || argv.length > 1) {
    console.error('用法：npx tsx scripts/verify-audit.ts <数据文件>');
    return 2;
  }
  let db: Database;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true, timeout: 5000 }, await keyForFiles(path));
  } catch (e) {
    const why =
      e instanceof UserError || !(e as { code?: string }).code ? (e as Error).message : describeSqliteFailure(e);
    console.error(`无法打开数据文件 ${path}：${why}`);
    return 2;
  }
  try {
    const verdict = verifyAudit(db);
    if (verdict.ok) {
      console.log(`操作日志完好：共 ${verdict.count} 条，逐条校验通过。`);
      return 0;
    }
    console.log(`操作日志校验未通过：${verdict.reason}。`);
    const entry = db
      .prepare('SELECT id, at, operator_name AS who, action, entity, entity_id AS entityId FROM audit_log WHERE id = ?')
      .get(verdict.brokenAt) as
      { id: number; at: string; who: string; action: string; entity: string; entityId: number | null } | undefined;
    if (entry) {
      console.log(
        `第 ${entry.id} 条：${localTime(entry.at)}，${entry.who}，${actionLabel(entry.action)}${entityLabel(entry.entity)}${entry.entityId == null ? '' : ` #${entry.entityId}`}`,
      );
    }
    console.log('此前的日志未发现问题；请保留该数据文件和备份，交由技术人员核查。');
    return 1;
  } catch (e) {
    console.error(`读取操作日志失败：${describeSqliteFailure(e)}`);
    return 2;
  } finally {
    db.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
