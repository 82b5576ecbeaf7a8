// Every method of the contract has exactly one handler; the type makes a missing one a compile error.
import type { Handlers } from './types';
import { systemHandlers } from './system';
import { regionsHandlers } from './regions';
import { personnelHandlers } from './personnel';
import { contractsHandlers } from './contracts';
import { budgetHandlers } from './budget';
import { trainingHandlers } from './training';
import { workplanHandlers } from './workplan';
import { dashboardHandlers } from './dashboard';
import { reportsHandlers } from './reports';
import { importsHandlers } from './imports';
import { backupsHandlers } from './backups';

export const handlers: Handlers = {
  ...systemHandlers,
  ...regionsHandlers,
  ...personnelHandlers,
  ...contractsHandlers,
  ...budgetHandlers,
  ...trainingHandlers,
  ...workplanHandlers,
  ...dashboardHandlers,
  ...reportsHandlers,
  ...importsHandlers,
  ...backupsHandlers,
};
