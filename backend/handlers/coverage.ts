import type { coverageApi } from '../../core/api/coverage';
import { nextCodeFor } from '../areas/coverage/districtCode';
import { getCoverageSettings, saveCoverageSettings } from '../areas/coverage/settings';
import { fromServices } from './fromServices';

export const coverageHandlers = fromServices<typeof coverageApi>({
  'coverage.settings': getCoverageSettings,
  'coverage.saveSettings': saveCoverageSettings,
  'district.nextCode': nextCodeFor,
});
