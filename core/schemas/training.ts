// Training sessions (培训班) and their attendance (签到与考核), domain.md §6.
import { z } from 'zod';
import {
  text,
  optText,
  date,
  optDecimal,
  oneOf,
  optOneOf,
  ref,
  optRef,
  bool,
  optBool,
  optPhone,
  listOf,
} from './fields';
import { rowsOf } from './rows';
import { EXAM_METHODS, HOST_LEVELS, TRAINING_KINDS, PERSON_ROLES } from '../enums';
import { listInput, recordOf } from '../api/define';

export const trainingCreate = z
  .object({
    name: text('培训班名称', { max: 100 }),
    kind: oneOf('培训类型', TRAINING_KINDS),
    hostLevel: oneOf('主办层级', HOST_LEVELS),
    hostUnit: optText('主办单位', { max: 100 }),
    startDate: date('开始日期'),
    endDate: date('结束日期'),
    location: optText('培训地点', { max: 100 }),
    batch: optText('期次', { max: 20 }),
    hours: optDecimal('学时', 0, 1000),
    instructor: optText('授课人/单位', { max: 200 }),
    examMethod: optOneOf('考核方式', EXAM_METHODS),
    note: optText('备注'),
  })
  .strict();

const count = z.number().int();
export const trainingRecord = recordOf(trainingCreate, {
  /** Everyone on the session's list (enrolled or added on the spot). */
  attendeeCount: count,
  signedInCount: count,
  /** 参考人数: attendees with an exam result (a score or a verdict). */
  examinedCount: count,
  /** Final verdict 合格, a passed 补考 included. */
  passedCount: count,
  /** 合格率% = passed / examined, one decimal; null when nobody was examined. */
  passRate: z.number().nullable(),
  /** 培训经费 in 分: the sum of the expenditures linked to the session. */
  cost: count,
  /** Signed-in attendees by role (a person with two roles counts in both). */
  enumeratorCount: count,
  supervisorCount: count,
  thirdPartyCount: count,
  /** 乡镇(街道)联络员 and 村(居)联络员 together. */
  liaisonCount: count,
  guestCount: count,
});
export const trainingList = listInput(
  {
    kind: oneOf('培训类型', TRAINING_KINDS).optional(),
    hostLevel: oneOf('主办层级', HOST_LEVELS).optional(),
    /** Sessions that overlap the given dates (a report period). */
    from: date('起始日期').optional(),
    to: date('截止日期').optional(),
  },
  ['startDate', 'name', 'kind'] as const,
);

/** A score out of 100; the message names the range rather than one bound. */
const score = (label: string) =>
  optDecimal(label, -1e12).refine((v) => v === null || (v >= 0 && v <= 100), { message: `${label}应在0到100之间` });

/** One row of the fast-entry grid: a roster person or a guest added on the spot. */
export const attendanceRow = z
  .object({
    /** An existing attendance row to change (needed only for guests, whom nothing else identifies). */
    id: optRef('签到记录'),
    personId: optRef('人员'),
    guestName: optText('姓名', { max: 50 }),
    guestUnit: optText('工作单位', { max: 100 }),
    guestPhone: optPhone('联系电话'),
    signedIn: bool('签到').default(false),
    score: score('成绩'),
    passed: optBool('是否合格'),
    makeupScore: score('补考成绩'),
    makeupPassed: optBool('补考是否合格'),
    note: optText('备注', { max: 200 }),
  })
  .strict()
  .superRefine((r, ctx) => {
    const fail = (message: string, path: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
    const guestInfo = r.guestName ?? r.guestUnit ?? r.guestPhone;
    if (r.personId === null && r.guestName === null) fail('请选择人员，或填写临时参训人员的姓名', 'personId');
    if (r.personId !== null && guestInfo !== null)
      fail('已选择花名册人员时不能再填写临时人员的姓名、单位或电话', 'guestName');
    const examined = r.score !== null || r.passed !== null || r.makeupScore !== null || r.makeupPassed !== null;
    if (examined && !r.signedIn) fail('未签到的人员不能有考核成绩', 'signedIn');
    const makeup = r.makeupScore !== null || r.makeupPassed !== null;
    if (makeup && r.passed === null) fail('填写补考前请先填写首次考核是否合格', 'passed');
    if (r.passed === true && r.makeupPassed === false) fail('补考不合格时“是否合格”不能为“是”', 'passed');
  });
export type AttendanceRowInput = z.output<typeof attendanceRow>;

export const attendanceSaveInput = z
  .object({
    sessionId: ref('培训班'),
    rows: rowsOf('签到记录', attendanceRow, { min: 1 }),
  })
  .strict();

export const attendanceAddPeopleInput = z
  .object({
    sessionId: ref('培训班'),
    personIds: listOf('人员', ref('人员'), 1),
  })
  .strict();

export const attendanceRecord = z
  .object({
    id: z.number().int(),
    sessionId: z.number().int(),
    personId: z.number().int().nullable(),
    guestName: z.string().nullable(),
    guestUnit: z.string().nullable(),
    guestPhone: z.string().nullable(),
    signedIn: z.boolean(),
    score: z.number().nullable(),
    /** The final verdict: true also when the 补考 was passed. */
    passed: z.boolean().nullable(),
    makeupScore: z.number().nullable(),
    makeupPassed: z.boolean().nullable(),
    note: z.string().nullable(),
    /** The person's name, or the guest's. */
    name: z.string(),
    isGuest: z.boolean(),
    roles: z.array(z.enum(PERSON_ROLES)),
    sessionName: z.string(),
    sessionStartDate: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .loose();

export const attendanceList = listInput(
  {
    sessionId: ref('培训班').optional(),
    personId: ref('人员').optional(),
    signedIn: bool('签到').optional(),
    passed: bool('是否合格').optional(),
    isGuest: bool('临时人员').optional(),
  },
  ['name', 'score', 'sessionStartDate'] as const,
);

export const historyInput = z.object({ personId: ref('人员') }).strict();

export const historyEntry = z.object({
  sessionId: z.number().int(),
  attendanceId: z.number().int(),
  name: z.string(),
  kind: z.enum(TRAINING_KINDS),
  hostLevel: z.enum(HOST_LEVELS),
  hostUnit: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  hours: z.number().nullable(),
  signedIn: z.boolean(),
  score: z.number().nullable(),
  passed: z.boolean().nullable(),
  makeupScore: z.number().nullable(),
  makeupPassed: z.boolean().nullable(),
  note: z.string().nullable(),
});
export const historyOutput = z.object({
  personId: z.number().int(),
  personName: z.string(),
  sessions: z.array(historyEntry),
  /** 学时 of the sessions the person signed in to. */
  totalHours: z.number(),
});
