// Layouts about people: the roster (R1), the 两员情况 sheet of the monthly report, the training
// sign-in sheet and the pay sheet (R6).
import type { SheetLayout } from '../layout';

export const ROSTER: SheetLayout = {
  id: 'R1.roster',
  sheetName: '花名册',
  orientation: 'landscape',
  codeRow: false,
  total: 'none',
  freezeColumns: 3,
  // Every column the city's 花名册 has (and the import reads back) does not fit one A4 page at a
  // legible size: two pages wide, 序号/人员编号/姓名 on both (docs/printing.md).
  pagesWide: 2,
  repeatColumns: 3,
  columns: [
    { key: 'seq', label: '序号', kind: 'seq', width: 5 },
    { key: 'personCode', label: '人员编号', kind: 'code', width: 12 },
    { key: 'name', label: '姓名', kind: 'text', width: 8 },
    { key: 'roles', label: '人员类别', kind: 'text', width: 10 },
    { key: 'sex', label: '性别', kind: 'text', width: 5 },
    { key: 'ethnicity', label: '民族', kind: 'text', width: 6 },
    { key: 'birthMonth', label: '出生年月', kind: 'code', width: 8 },
    { key: 'idNumber', label: '公民身份号码', kind: 'code', width: 19, sensitive: 'idNumber' },
    { key: 'politicalStatus', label: '政治面貌', kind: 'text', width: 8 },
    { key: 'education', label: '文化程度', kind: 'text', width: 8 },
    { key: 'employer', label: '工作单位', kind: 'text', width: 13 },
    { key: 'position', label: '职务', kind: 'text', width: 7 },
    { key: 'source', label: '人员来源', kind: 'text', width: 6 },
    { key: 'mobile', label: '手机', kind: 'code', width: 12, sensitive: 'mobile' },
    { key: 'landline', label: '固定电话', kind: 'code', width: 12 },
    { key: 'townshipName', label: '负责乡镇(街道)', kind: 'text', width: 10 },
    { key: 'districts', label: '负责普查小区', kind: 'text', width: 14 },
    { key: 'supervisorName', label: '所属普查指导员', kind: 'text', width: 8 },
    { key: 'trainingStatus', label: '培训考核情况', kind: 'text', width: 8 },
    { key: 'certNo', label: '证件编号', kind: 'code', width: 12 },
    { key: 'hirePeriod', label: '聘用起止日期', kind: 'code', width: 20 },
    { key: 'insurance', label: '人身意外保险', kind: 'text', width: 14 },
    { key: 'note', label: '备注', kind: 'text', width: 8 },
  ],
  notes: [
    '公民身份号码（只显示前4位和后4位）和手机（只显示前3位和后4位）除经授权完整导出外均部分隐藏。',
    '人身意外保险按导出当日是否在保险期内填写。',
  ],
};

export const STAFF: SheetLayout = {
  id: 'R2.staff',
  sheetName: '两员情况',
  orientation: 'landscape',
  codeRow: true,
  total: 'setting',
  freezeColumns: 1,
  columns: [
    { key: 'township', label: '乡镇(街道)', kind: 'text', width: 18 },
    { key: 'districts', label: '普查小区数', kind: 'int', width: 10 },
    { key: 'enumerators', label: '普查员（在岗）', kind: 'int', width: 12 },
    { key: 'supervisors', label: '普查指导员（在岗）', kind: 'int', width: 13 },
    { key: 'trained', label: '已培训', kind: 'int', width: 9 },
    { key: 'passed', label: '考核合格', kind: 'int', width: 9 },
    { key: 'certified', label: '已发证', kind: 'int', width: 9 },
    { key: 'insured', label: '已参保', kind: 'int', width: 9 },
    { key: 'townshipLiaisons', label: '乡镇联络员', kind: 'int', width: 10 },
    { key: 'villageLiaisons', label: '村(居)联络员', kind: 'int', width: 10 },
  ],
  notes: [
    '已培训、考核合格、已发证、已参保均只计在岗的普查员和普查指导员，一人兼任两职只计一次。',
    '已培训含考核合格人员；已参保指报告期最后一天在人身意外保险有效期内。',
    '未指定乡镇(街道)的人员列入“未指定乡镇”行。',
  ],
};

export const SIGN_IN: SheetLayout = {
  id: 'R4.signIn',
  sheetName: '签到表',
  orientation: 'portrait',
  codeRow: false,
  total: 'none',
  freezeColumns: 0,
  rowHeight: 26,
  columns: [
    { key: 'seq', label: '序号', kind: 'seq', width: 6 },
    { key: 'name', label: '姓名', kind: 'text', width: 10 },
    { key: 'unit', label: '工作单位', kind: 'text', width: 26 },
    { key: 'mobile', label: '手机', kind: 'code', width: 14, sensitive: 'mobile' },
    { key: 'signedIn', label: '签到', kind: 'mark', width: 7 },
    { key: 'score', label: '成绩', kind: 'number', width: 7 },
    { key: 'signature', label: '签名', kind: 'text', width: 16 },
  ],
};

export const PAY_SHEET: SheetLayout = {
  id: 'R6.pay',
  sheetName: '劳务报酬发放表',
  orientation: 'landscape',
  codeRow: false,
  total: 'bottom',
  freezeColumns: 2,
  rowHeight: 26,
  columns: [
    { key: 'seq', label: '序号', kind: 'seq', width: 6 },
    { key: 'name', label: '姓名', kind: 'text', width: 9 },
    { key: 'roles', label: '人员类别', kind: 'text', width: 11 },
    { key: 'idNumber', label: '公民身份号码', kind: 'code', width: 21, sensitive: 'idNumber' },
    { key: 'bankName', label: '开户行', kind: 'text', width: 22 },
    { key: 'bankAccount', label: '银行卡号', kind: 'code', width: 22, sensitive: 'bankAccount' },
    { key: 'quantity', label: '天数/件数', kind: 'number', width: 9 },
    { key: 'rate', label: '标准', kind: 'money', width: 10 },
    { key: 'amount', label: '金额(元)', kind: 'money', width: 12 },
    { key: 'signature', label: '领款人签字', kind: 'text', width: 14 },
  ],
};
