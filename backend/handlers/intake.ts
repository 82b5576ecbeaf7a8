// Intake and the ledger (issue #16): see backend/areas/intake/. intake.receive and intake.accept
// are two-phase: the bytes are unzipped, parsed (bounded, in a worker) and verified before the
// transaction; filing, the stored bytes and the audit entries land inside it.
import type { intakeApi } from '../../core/api/intake';
import type { AreaHandlers } from './types';
import { twoPhase } from '../phases';
import { commitReceive, prepareReceive, type PreparedReceive } from '../areas/intake/receive';
import { commitAccept, prepareAccept, type PreparedAccept } from '../areas/intake/accept';
import { downloadIntake, listIntake } from '../areas/intake/files';
import { getLedger } from '../areas/intake/ledger';
import { reminders } from '../areas/intake/reminders';
import { exportLedger } from '../areas/intake/ledgerExport';

export const intakeHandlers: AreaHandlers<typeof intakeApi> = {
  'intake.receive': twoPhase<'intake.receive', PreparedReceive>({
    prepare: (input, ctx) => prepareReceive(ctx, input),
    commit: (prepared, input, ctx) => commitReceive(ctx, prepared, input),
  }),
  'intake.accept': twoPhase<'intake.accept', PreparedAccept>({
    prepare: (input, ctx) => prepareAccept(ctx, input),
    commit: (prepared, input, ctx) => commitAccept(ctx, prepared, input),
  }),
  'intake.list': (input, ctx) => listIntake(ctx, input),
  'intake.download': (input, ctx) => downloadIntake(ctx, input),
  'ledger.get': (input, ctx) => getLedger(ctx, input),
  'ledger.reminders': (input, ctx) => reminders(ctx, input),
  'ledger.export': (input, ctx) => exportLedger(ctx, input),
};
