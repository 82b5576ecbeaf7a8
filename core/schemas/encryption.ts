// Encryption at rest as the API sees it: the 恢复码 field, unlocking a closed (encrypted) data file,
// encrypting a plain one, and what the office's settings say about it. docs/encryption.md.
import { z } from 'zod';
import {
  RECOVERY_CODE_CHECK_MESSAGE,
  RECOVERY_CODE_FORMAT_MESSAGE,
  formatRecoveryCode,
  recoveryCodeProblem,
} from '../recoveryCode';

/** A typed 恢复码: spaces, dashes and full-width digits allowed; the check digits must fit. */
export const recoveryCodeField = z
  .string({ error: '恢复码应为文本' })
  .max(100, { message: RECOVERY_CODE_FORMAT_MESSAGE })
  .superRefine((v, ctx) => {
    const problem = recoveryCodeProblem(v);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: problem === 'format' ? RECOVERY_CODE_FORMAT_MESSAGE : RECOVERY_CODE_CHECK_MESSAGE,
      });
  })
  .transform((v) => formatRecoveryCode(v));

export const recoveryCodeInput = z.object({ recoveryCode: recoveryCodeField }).strict();

/** A freshly issued code, to show, print and have typed back before `safety.encrypt` takes it. */
export const newRecoveryCode = z.object({ recoveryCode: z.string() });

export const encryptResult = z.object({
  /** First 8 hex digits of SHA-256("key-id" ‖ key): names the key without revealing it. */
  keyId: z.string(),
  /** The verified backup made just before the file was encrypted (null for a new, empty office). */
  backupPath: z.string().nullable(),
});

/** What 安全设置 and the dashboard say about the data file's encryption. */
export const encryptionStatus = z.object({
  encrypted: z.boolean(),
  keyId: z.string().nullable(),
});
export type EncryptionStatus = z.output<typeof encryptionStatus>;

export const unlockResult = z.object({ unlocked: z.literal(true) });
