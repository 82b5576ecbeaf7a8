import { z } from 'zod';
import { crud, listOutput, method } from './define';
import * as s from '../schemas/training';
import { idInput } from '../schemas/fields';

export const trainingApi = {
  ...crud('training', '培训班', { create: s.trainingCreate, record: s.trainingRecord, list: s.trainingList }),
  'training.historyOf': method({
    input: s.historyInput,
    output: s.historyOutput,
    access: 'read',
    effect: 'none',
    summary: '人员培训经历',
  }),
  'attendance.list': method({
    input: s.attendanceList,
    output: listOutput(s.attendanceRecord),
    access: 'read',
    effect: 'none',
    summary: '签到与考核记录列表',
  }),
  'attendance.save': method({
    input: s.attendanceSaveInput,
    output: z.object({
      sessionId: z.number().int(),
      inserted: z.number().int(),
      updated: z.number().int(),
      rows: z.array(s.attendanceRecord),
    }),
    access: 'write',
    effect: 'write',
    summary: '保存签到与考核（批量）',
  }),
  'attendance.addPeople': method({
    input: s.attendanceAddPeopleInput,
    output: z.object({ sessionId: z.number().int(), added: z.number().int(), skipped: z.number().int() }),
    access: 'write',
    effect: 'write',
    summary: '批量添加参训人员',
  }),
  'attendance.delete': method({
    input: idInput,
    output: z.object({ id: z.number().int() }),
    access: 'write',
    effect: 'write',
    summary: '删除签到与考核记录',
  }),
};
