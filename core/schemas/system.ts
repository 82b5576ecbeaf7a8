// Settings, operators, the first run, the audit log and the export history (domain.md §1, §8); the
// office profile is ./office.ts, re-exported here so callers keep one import.
import { z } from 'zod';
import { passwordWeakness } from '../passwordRule';
import { text, optText, date, oneOf, bool, ref, recordMeta, int } from './fields';
import { OPERATOR_ROLES } from '../enums';
import { listInput } from '../api/define';
import { officeSave } from './office';
import { unitIssues, unitRows } from './units';
import { firstRunIssues, firstRunTownships, workPlanChoice } from './firstRun';
import { REPORT_IDS, MAIN_REPORT_IDS, reportName, type ReportId } from '../reports/catalogue';
import { MONTHLY_SHEETS, MONTHLY_SHEET_KEYS, type MonthlySheetKey } from '../reports/monthly';

export * from './office';

// ---- settings -------------------------------------------------------------------------------

/**
 * Every document whose wording (标题, 表号, 制定机关, 表尾) is a setting: the six reports and the two
 * per-record forms, 培训签到表 (one per session) and 合同跟踪表 (one per contract).
 */
export { REPORT_IDS, MAIN_REPORT_IDS, reportLabel, type ReportId } from '../reports/catalogue';
/**
 * Placeholders a report text may hold; the report writer fills them from the office profile and
 * the period (`fillReportText`), so the defaults fit any county and the clerk can keep them.
 */
export const REPORT_TEXT_PLACEHOLDERS = [
  '{县名}',
  '{市名}',
  '{填报单位}',
  '{普查名称}',
  '{期别}',
  '{单位负责人}',
  '{统计负责人}',
  '{填表人}',
  '{联系电话}',
  '{报出日期}',
] as const;

/** Placeholders only one document can fill: the record it is printed for. */
export const RECORD_PLACEHOLDERS: Partial<Record<ReportId, readonly string[]>> = {
  'R4-signin': ['{培训班名称}'],
  'R5-tracking': ['{合同名称}', '{合同编号}'],
};

export function fillReportText(template: string, values: Partial<Record<string, string | null>>): string {
  return template.replace(/\{([^{}]+)\}/g, (whole, key: string) => (key in values ? (values[key] ?? '') : whole));
}

function reportText(id: ReportId) {
  const name = reportName(id);
  return z
    .object({
      title: text(`${name}标题`, { max: 100 }),
      tableNo: optText(`${name}表号`, { max: 50 }),
      authority: optText(`${name}制定机关`, { max: 100 }),
      footer: optText(`${name}表尾文字`, { max: 300 }),
    })
    .strict();
}

/**
 * The monthly report's 表号 is per sheet (submission.md §2): the field of one sheet, e.g.
 * `tableNoProgress` for 进度调度表. Flat fields, so the settings form edits them like the others.
 */
export const sheetTableNoKey = (key: MonthlySheetKey) =>
  `tableNo${key[0].toUpperCase()}${key.slice(1)}` as `tableNo${Capitalize<MonthlySheetKey>}`;

/** The reporting window's default: an official R2 may be exported from the period's last 5 days on. */
export const DEFAULT_WINDOW_DAYS = 5;

/**
 * R2's settings: title, 制定机关 and footer for the workbook, one 表号 per sheet (none for the
 * workbook), and the reporting window (submission.md §2): an official version may be exported
 * once the period has ended or within its last `windowDays` days.
 */
function sentReportText() {
  const name = reportName('R2');
  const tableNos = Object.fromEntries(
    MONTHLY_SHEET_KEYS.map((k) => [
      sheetTableNoKey(k),
      optText(`${MONTHLY_SHEETS[k].layout.sheetName}表号`, { max: 50 }),
    ]),
  ) as Record<ReturnType<typeof sheetTableNoKey>, ReturnType<typeof optText>>;
  return z
    .object({
      title: text(`${name}标题`, { max: 100 }),
      ...tableNos,
      authority: optText(`${name}制定机关`, { max: 100 }),
      footer: optText(`${name}表尾文字`, { max: 300 }),
      windowDays: int('正式报送窗口（报告期最后几天起可正式报送）', 0, 15).default(DEFAULT_WINDOW_DAYS),
    })
    .strict();
}

const reportTextShape = Object.fromEntries(
  REPORT_IDS.map((id) => [id, id === 'R2' ? sentReportText() : reportText(id)]),
) as Record<Exclude<ReportId, 'R2'>, ReturnType<typeof reportText>> & { R2: ReturnType<typeof sentReportText> };
/** A set may name only the reports it changes; the others keep their wording. */
export const reportTextsInput = z.object(reportTextShape).partial().strict();
export const reportTextsValue = z.object(reportTextShape).strict();
export type ReportTexts = z.output<typeof reportTextsValue>;

/** The wording of one R2 sheet: the workbook's title, 制定机关 and footer with that sheet's own 表号. */
export function monthlySheetText(texts: ReportTexts, key: MonthlySheetKey) {
  const { title, authority, footer } = texts.R2;
  return { title, authority, footer, tableNo: texts.R2[sheetTableNoKey(key)] ?? null };
}

const SIGN_FOOTER =
  '单位负责人：{单位负责人}　　统计负责人：{统计负责人}　　填表人：{填表人}　　联系电话：{联系电话}　　报出日期：{报出日期}';
const AUTHORITY = '{市名}第二次全国污染源普查领导小组办公室';

/** The wording a new workspace starts with (reports.md). Table numbers are left for the city's own. */
export const DEFAULT_REPORT_TEXTS: ReportTexts = {
  R1: {
    title: '{县名}{普查名称}人员花名册',
    tableNo: null,
    authority: AUTHORITY,
    footer: '单位负责人：{单位负责人}　　审核人：　　填表人：{填表人}　　联系电话：{联系电话}',
  },
  R2: {
    title: '{县名}{普查名称}工作进度月报（{期别}）',
    ...(Object.fromEntries(MONTHLY_SHEET_KEYS.map((k) => [sheetTableNoKey(k), null])) as Record<
      ReturnType<typeof sheetTableNoKey>,
      null
    >),
    authority: AUTHORITY,
    footer: SIGN_FOOTER,
    windowDays: DEFAULT_WINDOW_DAYS,
  },
  R3: { title: '{县名}{普查名称}经费预算及执行情况表', tableNo: null, authority: AUTHORITY, footer: SIGN_FOOTER },
  R4: { title: '{县名}{普查名称}培训情况统计表', tableNo: null, authority: AUTHORITY, footer: SIGN_FOOTER },
  R5: { title: '{县名}{普查名称}第三方合同履约情况汇总表', tableNo: null, authority: AUTHORITY, footer: SIGN_FOOTER },
  R6: {
    title: '{县名}{普查名称}劳务报酬发放表（{期别}）',
    tableNo: null,
    authority: null,
    footer: '经办人：　　审核人：　　负责人：　　日期：　　年　　月　　日',
  },
  'R4-signin': {
    title: '{培训班名称}签到表',
    tableNo: null,
    authority: null,
    footer: '经办人：　　　　　　　　　　　　日期：　　　年　　月　　日',
  },
  'R5-tracking': {
    title: '{普查名称}第三方服务合同履约跟踪表',
    tableNo: null,
    authority: null,
    footer: '经办人：　　　　　　科室负责人：　　　　　　污普办负责人：　　　　　　日期：　　　年　　月　　日',
  },
};

export const SETTING_KEYS = ['reportTexts'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];
export const SETTING_LABELS: Record<SettingKey, string> = { reportTexts: '报表表头表尾文字' };

export const settingsGet = z.object({ key: oneOf('设置项', SETTING_KEYS) }).strict();
export const settingsSet = z.discriminatedUnion(
  'key',
  [
    z
      .object({
        key: z.literal('reportTexts'),
        value: reportTextsInput.meta({ title: SETTING_LABELS.reportTexts, kind: 'object' }),
      })
      .strict(),
  ],
  { error: () => `设置项应为以下之一：${SETTING_KEYS.join('、')}` },
);
export const settingValue = z.object({ key: z.enum(SETTING_KEYS), value: reportTextsValue });

// ---- operators and sessions -----------------------------------------------------------------

/** Leading/trailing spaces are trimmed like every text field, at creation and at login alike. */
const newPassword = (label = '密码') =>
  text(label, { max: 64 }).superRefine((v, ctx) => {
    const weak = passwordWeakness(v, undefined, label);
    if (weak) ctx.addIssue({ code: 'custom', message: weak });
  });

/** The password may not be the user name (the rule's one part that needs both fields). */
const notTheName =
  (label: string) => (v: { name?: string; password?: string }, ctx: z.core.$RefinementCtx<unknown>) => {
    if (v.name === undefined || v.password === undefined) return;
    if (passwordWeakness(v.password, undefined, label) !== null) return; // said already
    const weak = passwordWeakness(v.password, v.name, label);
    if (weak) ctx.addIssue({ code: 'custom', path: ['password'], message: weak });
  };

export const operatorCreate = z
  .object({
    name: text('用户名', { max: 20 }),
    role: oneOf('角色', OPERATOR_ROLES),
    password: newPassword(),
    active: bool('启用').default(true),
  })
  .strict()
  .superRefine(notTheName('密码'));
export const operatorUpdate = z
  .object({
    id: ref('操作员'),
    name: text('用户名', { max: 20 }).optional(),
    role: oneOf('角色', OPERATOR_ROLES).optional(),
    active: bool('启用').optional(),
  })
  .strict();
export const operatorSetPassword = z.object({ id: ref('操作员'), password: newPassword('新密码') }).strict();
/** Never carries the password hash. */
export const operatorRecord = z.object({
  ...recordMeta,
  name: z.string(),
  role: z.enum(OPERATOR_ROLES),
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export const operatorList = listInput(
  { role: oneOf('角色', OPERATOR_ROLES).optional(), active: bool('启用').optional() },
  ['name', 'role'] as const,
);

export const sessionLogin = z
  .object({ name: text('用户名', { max: 20 }), password: text('密码', { max: 64 }) })
  .strict();
export const sessionOperator = z.object({
  id: z.number().int().nullable(),
  name: z.string(),
  role: z.enum(OPERATOR_ROLES),
});

// ---- first run ------------------------------------------------------------------------------

export const setupStatus = z.object({
  hasOffice: z.boolean(),
  hasOperators: z.boolean(),
  /** The data file is encrypted at rest (docs/encryption.md). */
  encrypted: z.boolean(),
  /** An encrypted file not opened yet: the page asks for the 恢复码 (setup.unlock) before anything else. */
  locked: z.boolean(),
});
export const setupInit = z
  .object({
    office: officeSave,
    admin: z
      .object({ name: text('管理员用户名', { max: 20 }), password: newPassword('管理员密码') })
      .strict()
      .superRefine(notTheName('管理员密码')),
    /** A city's counties or a province's cities (unit.save's rows); none for a county office. */
    units: unitRows.optional(),
    /** A county office's townships and villages, kept from the division dataset (core/schemas/firstRun.ts). */
    townships: firstRunTownships.optional(),
    /** The work plan to start with; absent: the seed plan as it is. */
    workPlan: workPlanChoice.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const level = v.office.level;
    if (v.townships && v.townships.length > 0) {
      if (level !== '县') {
        ctx.addIssue({
          code: 'custom',
          path: ['townships'],
          message: '只有县（区）普查办在首次使用时填入乡镇（街道）',
        });
      } else {
        for (const i of firstRunIssues(v.office.countyCode, v.townships)) {
          ctx.addIssue({ code: 'custom', path: i.path, message: i.message, params: { named: true } });
        }
      }
    }
    if (!v.units || v.units.length === 0 || level === '县') return;
    for (const i of unitIssues(level, v.office.countyCode, v.units)) {
      const path = i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      ctx.addIssue({ code: 'custom', path, message: i.message, params: { named: true } });
    }
  });

// ---- audit log and export history -----------------------------------------------------------
// Filters use `.optional()`, not the opt* builders: those turn an absent filter into null, which a
// list would read as "IS NULL".

export const auditList = listInput(
  {
    operatorName: text('操作员', { max: 20 }).optional(),
    entity: text('对象类别', { max: 50 }).optional(),
    entityId: ref('对象编号').optional(),
    from: date('起始日期').optional(),
    to: date('截止日期').optional(),
  },
  ['at'] as const,
);
export const auditRecord = z.object({
  id: z.number().int(),
  at: z.string(),
  operatorId: z.number().int().nullable(),
  operatorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  /** What the entry is about in words (its name, title, subject…), when the record carries one. */
  objectName: z.coerce.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export const auditVerdict = z.union([
  z.object({ ok: z.literal(true), count: z.number().int() }),
  z.object({ ok: z.literal(false), count: z.number().int(), brokenAt: z.number().int(), reason: z.string() }),
]);

export const reportHistoryList = listInput(
  { reportId: oneOf('报表', MAIN_REPORT_IDS).optional(), period: text('报告期', { max: 20 }).optional() },
  ['exportedAt', 'reportId', 'period'] as const,
);
export const reportExportRecord = z.object({
  id: z.number().int(),
  reportId: z.string(),
  period: z.string(),
  version: z.number().int(),
  exportedAt: z.string(),
  operatorId: z.number().int().nullable(),
  operatorName: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  figures: z.unknown(),
  layoutVersion: z.number().int(),
  /** The id the file's meta carries (exportId); null for versions recorded before submission.md §2. */
  exportUid: z.string().nullable(),
  /** Why this version corrects the previous one (v2 on). */
  correctionReason: z.string().nullable(),
  /** The digest the file's meta carries; null for versions recorded before submission.md §2. */
  digest: z.string().nullable(),
  /** 已报送 for the period's latest version, 已更正 once a later version replaced it. */
  status: z.enum(['已报送', '已更正']),
});
