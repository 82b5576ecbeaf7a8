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
import { fromServices } from './fromServices';

export const systemHandlers = fromServices<typeof systemApi>({
  'office.get': getOfficeProfile,
  'office.save': saveOfficeProfile,
  'settings.get': getSettings,
  'settings.set': saveSettings,
  'operator.create': createOperator,
  'operator.update': updateOperator,
  'operator.list': listOperators,
  'operator.setPassword': setOperatorPassword,
  'session.login': login,
  'session.logout': logout,
  'session.current': currentSession,
  'session.lock': lockSession,
  'setup.status': setupStatus,
  'setup.init': setupInit,
  'setup.importPackage': setupImportPackage,
  'audit.list': listAudit,
  'audit.verify': checkAuditChain,
  'report.history': listReportExports,
});
