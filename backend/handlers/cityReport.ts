// The consolidated report's preview (backend/areas/cityReport). The report itself is R2's export,
// handled by backend/handlers/reports.ts.
import type { cityReportApi } from '../../core/api/cityReport';
import type { AreaHandlers } from './types';
import { previewCityReport } from '../areas/cityReport/preview';

export const cityReportHandlers: AreaHandlers<typeof cityReportApi> = {
  'cityReport.preview': (input, ctx) => previewCityReport(ctx, input),
};
