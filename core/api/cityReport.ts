// The city's (or province's) consolidated monthly report (汇总报表, issue #16, submission.md §4). The
// report itself is R2 exported in a 市/省 office (report.export, report.reexport, report.read work on
// it as on a county's); this area previews what it would include.
import { method } from './define';
import * as s from '../schemas/cityReport';

export const cityReportApi = {
  'cityReport.preview': method({
    input: s.cityReportPreviewInput,
    output: s.cityReportPreviewOutput,
    access: 'read',
    effect: 'none',
    summary: '汇总报表预览：某报告期各下级单位将汇总的版本（收到的最新版本）及未报单位',
  }),
};
