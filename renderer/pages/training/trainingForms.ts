import { trainingCreate } from '../../../core/schemas/training';
import { EXAM_METHODS, HOST_LEVELS, TRAINING_KINDS } from '../../../core/enums';
import type { FormSpec } from '../../forms/fieldSpec';

export const trainingForm: FormSpec = {
  schema: trainingCreate,
  items: [
    { name: 'name', span: 24, placeholder: '如 蓬安县普查员、普查指导员入户调查培训班' },
    { name: 'kind', span: 8, options: TRAINING_KINDS },
    { name: 'hostLevel', span: 8, options: HOST_LEVELS },
    { name: 'hostUnit', span: 8 },
    { name: 'startDate', span: 8 },
    { name: 'endDate', span: 8 },
    { name: 'batch', span: 8, placeholder: '如 第1期' },
    { name: 'location', span: 12 },
    { name: 'hours', span: 6 },
    { name: 'examMethod', span: 6, options: EXAM_METHODS },
    { name: 'instructor', span: 24 },
    { name: 'note', span: 24, widget: 'textarea' },
  ],
};
