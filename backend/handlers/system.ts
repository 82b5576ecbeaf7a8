import type { systemApi } from '../../core/api/system';
import { checkAuditChain, listAudit, listReportExports } from '../areas/system/audit';
import { getOfficeProfile, getSettings, saveOfficeProfile, saveSettings } from '../areas/system/office';
import { createOperator, listOperators, setOperatorPassword, updateOperator } from '../areas/system/operators';
import {
  currentSession,
  lockSession,
  login,
  logout,
  setupImportPackage,
  setupInit,
  setupStatus,
} from '../areas/system/sessions';
import { moveReferenceDate } from '../areas/system/firstRun';
import { unlockOpen } from '../areas/system/encryption';
import { fromServices } from './fromServices';
import type { AreaHandlers } from './types';

/** Methods whose password hashing is a first, asynchronous phase (two-phase handlers). */
type Hashing = 'operator.create' | 'operator.setPassword' | 'session.login' | 'setup.init';

export const systemHandlers: AreaHandlers<typeof systemApi> = {
  'operator.create': createOperator,
  'operator.setPassword': setOperatorPassword,
  'session.login': login,
  'setup.init': setupInit,
  ...fromServices<Omit<typeof systemApi, Hashing>>({
    'office.get': getOfficeProfile,
    'office.save': saveOfficeProfile,
    'office.moveReferenceDate': moveReferenceDate,
    'settings.get': getSettings,
    'settings.set': saveSettings,
    'operator.update': updateOperator,
    'operator.list': listOperators,
    'session.logout': logout,
    'session.current': currentSession,
    'session.lock': lockSession,
    'setup.status': setupStatus,
    'setup.unlock': unlockOpen,
    'setup.importPackage': setupImportPackage,
    'audit.list': listAudit,
    'audit.verify': checkAuditChain,
    'report.history': listReportExports,
  }),
};
