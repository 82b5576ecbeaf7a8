import type { dashboardApi } from '../../core/api/dashboard';
import { dashboardChecks } from '../areas/dashboard/checks';
import { firstSteps } from '../areas/dashboard/firstSteps';
import { fromServices } from './fromServices';

export const dashboardHandlers = fromServices<typeof dashboardApi>({
  'dashboard.checks': dashboardChecks,
  'dashboard.firstSteps': firstSteps,
});
