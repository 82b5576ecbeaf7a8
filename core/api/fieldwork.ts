// 入户调查 detail (docs/spec/fieldwork-and-organisation.md §1): the sample surveys and outfall
// monitoring per period, and the progress table's subtotals by 污染源类型.
import { crud, method } from './define';
import * as s from '../schemas/fieldwork';

export const fieldworkApi = {
  ...crud('surveyFigure', '抽样调查与监测进度', {
    create: s.surveyFigureCreate,
    record: s.surveyFigureRecord,
    list: s.surveyFigureList,
  }),
  'fieldwork.sourceSubtotals': method({
    input: s.sourceSubtotalsInput,
    output: s.sourceSubtotalsOutput,
    access: 'read',
    effect: 'none',
    summary: '入户调查进度按污染源类型小计',
  }),
};
