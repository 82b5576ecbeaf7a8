// Colours of intake outcomes and ledger states, shared by 收取报表, 报送台账 and the home page.
import type { IntakeOutcome, LedgerState } from '../../../core/schemas/intake';

export const OUTCOME_COLORS: Record<IntakeOutcome, string> = {
  新收: 'green',
  新版本: 'blue',
  重复: 'default',
  拒收: 'red',
  附说明接收: 'gold',
};

export const STATE_COLORS: Record<LedgerState, string> = {
  按时: 'green',
  逾期报送: 'orange',
  未报: 'red',
  未到期: 'default',
  拒收: 'magenta',
  仅草稿: 'purple',
};
