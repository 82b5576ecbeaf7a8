// Intake and the ledger (issue #16): see backend/areas/intake/. intake.receive and intake.accept
// are two-phase: the bytes are unzipped, parsed (bounded, in a worker) and verified before the
// transaction; filing, the stored bytes and the audit entries land inside it.
import type { intakeApi } from '../../core/api/intake';
import type { AreaHandlers } from './types';
import { UserError } from '../../db/errors';

const notYet = (): never => {
  throw new UserError('NOT_IMPLEMENTED', '收取报表功能尚在开发中');
};

export const intakeHandlers: AreaHandlers<typeof intakeApi> = {
  'intake.receive': notYet,
  'intake.accept': notYet,
  'intake.list': notYet,
  'intake.download': notYet,
  'ledger.get': notYet,
  'ledger.reminders': notYet,
  'ledger.export': notYet,
};
