// The 登记表 (reports.md "Printing"): one person's registration form, A4 portrait. A form, not a
// list: a grid of label/value cells (data, so the print view and the tests read one layout), the
// person's training record, the pledge and the two opinion boxes. Values are strings as printed;
// 公民身份号码, 手机 and 银行卡号 are masked unless printed in full by a reveal role (audited).

/** One cell of the grid: a label, or a value by its field key; `span` columns of REGISTRATION_COLUMNS. */
export type RegistrationCell = { label: string; span?: number } | { key: string; span?: number };

/** Columns of the grid: label, value, label, value, label, value, and the photo column. */
export const REGISTRATION_COLUMNS = 7;

/** Rows of the grid; the photo cell spans the first four rows of the last column. */
export const PHOTO_ROWS = 4;

export const REGISTRATION_GRID: readonly (readonly RegistrationCell[])[] = [
  [{ label: '姓名' }, { key: 'name' }, { label: '性别' }, { key: 'sex' }, { label: '出生年月' }, { key: 'birthMonth' }],
  [
    { label: '民族' },
    { key: 'ethnicity' },
    { label: '政治面貌' },
    { key: 'politicalStatus' },
    { label: '文化程度' },
    { key: 'education' },
  ],
  [{ label: '公民身份号码' }, { key: 'idNumber', span: 3 }, { label: '人员编号' }, { key: 'personCode' }],
  [{ label: '人员类别' }, { key: 'roles', span: 3 }, { label: '人员来源' }, { key: 'source' }],
  [{ label: '工作单位' }, { key: 'employer', span: 3 }, { label: '职务' }, { key: 'position', span: 2 }],
  [
    { label: '手机' },
    { key: 'mobile' },
    { label: '固定电话' },
    { key: 'landline' },
    { label: '在岗状态' },
    { key: 'status', span: 2 },
  ],
  [
    { label: '负责乡镇（街道）' },
    { key: 'township' },
    { label: '村（社区）' },
    { key: 'village' },
    { label: '所属普查指导员' },
    { key: 'supervisor', span: 2 },
  ],
  [{ label: '负责普查小区' }, { key: 'districts', span: 6 }],
  [
    { label: '证件编号' },
    { key: 'certNo' },
    { label: '发证日期' },
    { key: 'certDate' },
    { label: '发证机关' },
    { key: 'certIssuer', span: 2 },
  ],
  [{ label: '聘用起止日期' }, { key: 'hirePeriod', span: 3 }, { label: '劳务报酬标准' }, { key: 'pay', span: 2 }],
  [{ label: '人身意外保险' }, { key: 'insurance', span: 6 }],
  [{ label: '开户行' }, { key: 'bankName', span: 3 }, { label: '银行卡号' }, { key: 'bankAccount', span: 2 }],
  [{ label: '备注' }, { key: 'note', span: 6 }],
];

/** The training record's columns, as printed. */
export const REGISTRATION_TRAINING = [
  '序号',
  '培训班名称',
  '培训日期',
  '主办层级',
  '签到',
  '成绩',
  '考核结果',
] as const;

export interface RegistrationDoc {
  title: string;
  unitLine: { left: string; centre: string; right: string };
  /** Values of REGISTRATION_GRID's keys, as printed ('' when empty). */
  fields: Record<string, string>;
  /** One row per session, cells in REGISTRATION_TRAINING order. */
  trainings: string[][];
  /** The pledge above the signature line. */
  pledge: string;
  /** The two opinion boxes under the form: their headings. */
  opinions: string[];
  /** Whether 公民身份号码, 手机 and 银行卡号 are printed in full (a reveal role asked; audited). */
  fullSensitive: boolean;
}
