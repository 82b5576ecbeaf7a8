// The sample surveys (城乡居民能源使用, 农村居民生活用排水) and 排污口水质监测 as figures the office
// records per period: planned and done, cumulative like the progress table.
import { SURVEY_UNITS, surveyRate, type SurveyItem } from '../../../core/fieldwork';
import { surveyFigureCreate } from '../../../core/schemas/fieldwork';
import { surveyFigureDef } from '../../../db/entities/fieldwork';
import { UserError } from '../../../db/errors';
import type { HandlerCtx } from '../../context';
import { crudServices, type Values } from '../crud';

const num = (v: unknown) => (v == null ? null : Number(v));

/** More done than planned needs a word in 备注 (a plan raised mid-way, extra samples). */
function checkDone(values: Values, _ctx: HandlerCtx, existing?: Values) {
  const planned = num('planned' in values ? values.planned : existing?.planned);
  const done = num('done' in values ? values.done : existing?.done);
  const note = String(('note' in values ? values.note : existing?.note) ?? '').trim();
  if (planned != null && done != null && done > planned && !note) {
    const message = `完成数（${done}）大于计划数（${planned}），请在备注中说明`;
    throw new UserError('INVALID_INPUT', message, [{ path: 'done', message }]);
  }
  return values;
}

const withRate = (r: Values) => ({
  ...r,
  unit: SURVEY_UNITS[r.item as SurveyItem] ?? '',
  rate: surveyRate(num(r.planned), num(r.done)),
});

export const surveyFigures = crudServices<'surveyFigure'>(surveyFigureDef, surveyFigureCreate, {
  prepare: checkDone,
  present: withRate,
});
