// Putting a backup in place of a data file that will not open (the app refuses a damaged file and
// names its latest good backup). Close the app first.
//   npm run restore-backup -- <数据文件> <备份文件>
// The damaged file is kept beside it, renamed `<数据文件>.损坏-<时间>`; nothing is deleted. An
// encrypted backup asks for its 恢复码 (or takes CENSUSDESK_RECOVERY_CODE); the copy stays encrypted.
import { restoreAtStartup } from '../backend/backups/startup';
import { acquireWriterLock } from '../db/writerLock';
import { UserError } from '../db/errors';
import { keyForFiles } from './askRecoveryCode';

async function main(argv: string[]): Promise<number> {
  const [dataPath, backupPath] = argv;
  if (!dataPath || !backupPath || argv.length > 2) {
    console.error('用法：npm run restore-backup -- <数据文件> <备份文件>');
    return 2;
  }
  try {
    // Refused while the app has the file open.
    const key = await keyForFiles(backupPath);
    const lock = acquireWriterLock(dataPath);
    try {
      const keptAs = restoreAtStartup(dataPath, backupPath, new Date(), key);
      console.log(`已用备份 ${backupPath} 恢复数据文件 ${dataPath}。`);
      if (keptAs) console.log(`原来的文件已改名保留为 ${keptAs}。`);
      return 0;
    } finally {
      lock.release();
    }
  } catch (e) {
    console.error(e instanceof UserError ? e.message : `恢复失败：${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
