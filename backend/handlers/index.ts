// The dispatch map, imported by dispatch only: every method of the contract with exactly one
// handler. An area's handlers are its services (backend/areas/<area>) listed by method name in
// backend/handlers/<area>.ts; the types make a missing or mistyped one a compile error
// (test/backend/handlerTypes.test.ts).
import type { MethodName } from '../../core/api';
import type { Handler, Handlers } from './types';
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
import { qualityHandlers } from './quality';
import { intakeHandlers } from './intake';
import { cityReportHandlers } from './cityReport';
import { unitsHandlers } from './units';
import { coverageHandlers } from './coverage';
import { archiveHandlers } from './archive';
import { fieldworkHandlers } from './fieldwork';
import { organisationHandlers } from './organisation';
import { listsHandlers } from './lists';

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
  ...qualityHandlers,
  ...intakeHandlers,
  ...cityReportHandlers,
  ...unitsHandlers,
  ...coverageHandlers,
  ...archiveHandlers,
  ...fieldworkHandlers,
  ...organisationHandlers,
  // Reads the map it is part of, when called (not while the map is being built).
  ...listsHandlers((name) => handlers[name] as Handler<MethodName>),
};
