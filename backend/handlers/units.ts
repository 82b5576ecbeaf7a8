import type { unitsApi } from '../../core/api/units';
import { listReportUnits, saveReportUnits, suggestReportUnits } from '../areas/units/units';
import { fromServices } from './fromServices';
import type { AreaHandlers } from './types';

export const unitsHandlers: AreaHandlers<typeof unitsApi> = fromServices<typeof unitsApi>({
  'unit.list': listReportUnits,
  'unit.save': saveReportUnits,
  'unit.suggest': suggestReportUnits,
});
