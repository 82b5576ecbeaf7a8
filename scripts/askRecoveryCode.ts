// The scripts' way to an encrypted file's key: the 恢复码 is asked on the terminal (never taken from
// the command line, where it would stay in the shell's history), or read from the environment
// variable CENSUSDESK_RECOVERY_CODE for unattended use. A plain file needs none.
import { createInterface } from 'node:readline/promises';
import { isEncryptedFile, type CipherKey } from '../db/cipher';
import { RECOVERY_CODE_CHECK_MESSAGE, RECOVERY_CODE_FORMAT_MESSAGE, recoveryCodeProblem } from '../core/recoveryCode';
import { deriveKey } from '../backend/recoveryKey';

export async function keyForFiles(...paths: string[]): Promise<CipherKey | null> {
  if (!paths.some((p) => isEncryptedFile(p))) return null;
  let code = process.env.CENSUSDESK_RECOVERY_CODE ?? '';
  if (!code) {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      code = await rl.question('此文件已加密，请输入恢复码（8组，每组4位数字）：');
    } finally {
      rl.close();
    }
  }
  const problem = recoveryCodeProblem(code);
  if (problem) throw new Error(problem === 'format' ? RECOVERY_CODE_FORMAT_MESSAGE : RECOVERY_CODE_CHECK_MESSAGE);
  return deriveKey(code);
}
