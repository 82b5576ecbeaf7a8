// Attendance of one training session (签到与考核): roster people by ID, guests by name.
import type { ImportField } from '../types';

export const attendanceFields: readonly ImportField[] = [
  { key: 'name', label: '姓名', type: 'text', required: true, synonyms: ['姓名', '参训人员', '学员姓名'] },
  {
    key: 'idNumber',
    label: '公民身份号码',
    type: 'code',
    hint: '花名册中的人员按公民身份号码匹配；不在花名册中的作为临时参训人员',
    synonyms: ['公民身份号码', '身份证号', '身份证号码', '证件号码', '身份证'],
  },
  { key: 'personCode', label: '人员编号', type: 'code', synonyms: ['人员编号', '编号'] },
  { key: 'guestUnit', label: '工作单位', type: 'text', synonyms: ['工作单位', '所在单位', '单位'] },
  { key: 'guestPhone', label: '联系电话', type: 'text', synonyms: ['联系电话', '手机', '手机号码', '电话'] },
  { key: 'signedIn', label: '签到', type: 'bool', synonyms: ['签到', '是否签到', '签到情况', '出勤'] },
  { key: 'score', label: '成绩', type: 'number', synonyms: ['成绩', '考核成绩', '考试成绩', '分数', '得分'] },
  { key: 'passed', label: '是否合格', type: 'bool', synonyms: ['是否合格', '考核结果', '考核是否合格', '合格'] },
  { key: 'makeupScore', label: '补考成绩', type: 'number', synonyms: ['补考成绩'] },
  { key: 'makeupPassed', label: '补考是否合格', type: 'bool', synonyms: ['补考是否合格', '补考结果'] },
  { key: 'note', label: '备注', type: 'text', synonyms: ['备注', '说明'] },
];
