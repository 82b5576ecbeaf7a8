import type { fieldworkApi } from '../../core/api/fieldwork';
import { progressBySource } from '../areas/fieldwork/sourceSubtotals';
import { surveyFigures } from '../areas/fieldwork/surveys';
import { fromServices } from './fromServices';

export const fieldworkHandlers = fromServices<typeof fieldworkApi>({
  'surveyFigure.create': surveyFigures.create,
  'surveyFigure.get': surveyFigures.get,
  'surveyFigure.update': surveyFigures.update,
  'surveyFigure.list': surveyFigures.list,
  'surveyFigure.delete': surveyFigures.delete,
  'fieldwork.sourceSubtotals': progressBySource,
});
