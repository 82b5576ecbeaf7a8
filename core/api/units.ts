// The units a city or province office receives reports from: a city's counties, a province's
// cities (submission.md §4). The list is edited and saved whole; the division dataset suggests it.
import { z } from 'zod';
import { method } from './define';
import * as s from '../schemas/units';

const empty = z.object({}).strict();

export const unitsApi = {
  'unit.list': method({
    input: s.unitListInput,
    output: s.unitListOutput,
    access: 'read',
    effect: 'none',
    summary: '下级单位名单（市普查办的县（区）、省普查办的市（州））',
  }),
  'unit.save': method({
    input: s.unitSave,
    output: s.unitListOutput,
    access: 'admin',
    effect: 'write',
    summary: '保存下级单位名单（整表替换；代码须在本单位区划之下，不能重复）',
  }),
  'unit.suggest': method({
    input: empty,
    output: s.unitSuggestOutput,
    access: 'read',
    effect: 'none',
    summary: '区划库中本单位之下的县（区）或市（州），用于填入下级单位名单',
  }),
};
