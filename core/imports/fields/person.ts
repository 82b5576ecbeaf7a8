// The roster (普查人员花名册): one row per person, columns as counties name them.
import {
  EDUCATION_LEVELS,
  ETHNIC_GROUPS,
  PAY_BASES,
  PERSON_ROLES,
  PERSON_SOURCES,
  PERSON_STATUSES,
  POLITICAL_STATUSES,
  SEXES,
} from '../../enums';
import type { ImportField } from '../types';
import { EDUCATION_ALIASES, PAY_BASIS_ALIASES, POLITICAL_ALIASES, ROLE_ALIASES, SOURCE_ALIASES, STATUS_ALIASES } from './aliases';

/** `汉` → `汉族`: ID cards print the group with 族, forms often drop it. */
const ETHNIC_ALIASES: Record<string, string> = Object.fromEntries(
  ETHNIC_GROUPS.filter((g) => g.endsWith('族')).map((g) => [g.slice(0, -1), g]),
);

export const personFields: readonly ImportField[] = [
  { key: 'personCode', label: '人员编号', type: 'code', synonyms: ['人员编号', '编号', '人员代码'], hint: '留空则自动生成' },
  { key: 'name', label: '姓名', type: 'text', required: true, synonyms: ['姓名', '名字', '人员姓名', '普查员姓名', '普查指导员姓名'] },
  {
    key: 'sex',
    label: '性别',
    type: 'enum',
    values: SEXES,
    synonyms: ['性别'],
    hint: '只用于核对：性别以公民身份号码为准',
  },
  {
    key: 'idNumber',
    label: '公民身份号码',
    type: 'code',
    required: true,
    synonyms: ['公民身份号码', '身份证号', '身份证号码', '身份证', '证件号码', '身份证件号码', '居民身份证号码'],
  },
  {
    key: 'roles',
    label: '人员类别',
    type: 'list',
    required: true,
    values: PERSON_ROLES,
    aliases: ROLE_ALIASES,
    synonyms: ['人员类别', '类别', '人员类型', '类型', '身份', '岗位', '担任角色'],
  },
  { key: 'ethnicity', label: '民族', type: 'enum', values: ETHNIC_GROUPS, aliases: ETHNIC_ALIASES, synonyms: ['民族'] },
  { key: 'politicalStatus', label: '政治面貌', type: 'enum', values: POLITICAL_STATUSES, aliases: POLITICAL_ALIASES, synonyms: ['政治面貌'] },
  { key: 'education', label: '文化程度', type: 'enum', values: EDUCATION_LEVELS, aliases: EDUCATION_ALIASES, synonyms: ['文化程度', '学历', '最高学历'] },
  { key: 'employer', label: '工作单位', type: 'text', synonyms: ['工作单位', '所在单位', '单位', '单位名称', '现工作单位'] },
  { key: 'position', label: '职务', type: 'text', synonyms: ['职务', '职位', '现任职务'] },
  { key: 'source', label: '人员来源', type: 'enum', values: PERSON_SOURCES, aliases: SOURCE_ALIASES, synonyms: ['人员来源', '来源'] },
  {
    key: 'mobile',
    label: '手机',
    type: 'text',
    synonyms: ['手机', '手机号', '手机号码', '联系电话', '联系方式', '电话', '电话号码', '移动电话'],
  },
  {
    key: 'township',
    label: '所属乡镇（街道）',
    type: 'ref',
    hint: '按名称或9位代码匹配已有乡镇（街道）',
    synonyms: ['乡镇', '所在乡镇', '负责乡镇', '负责乡镇(街道)', '乡镇(街道)', '所属乡镇', '所属乡镇(街道)', '所在乡镇(街道)', '乡镇街道', '街道'],
  },
  {
    key: 'village',
    label: '所属村（社区）',
    type: 'ref',
    hint: '按名称（在所属乡镇内）或12位代码匹配',
    synonyms: ['村(社区)', '所在村', '负责村', '村', '社区', '村(居)', '所属村', '所属村(社区)', '负责村(社区)', '所在村(社区)', '村居'],
  },
  {
    key: 'supervisor',
    label: '所属普查指导员',
    type: 'ref',
    hint: '填普查指导员的公民身份号码、人员编号或姓名',
    synonyms: ['所属普查指导员', '所属指导员', '普查指导员', '指导员'],
  },
  { key: 'agency', label: '所属第三方机构', type: 'ref', hint: '按机构名称或统一社会信用代码匹配', synonyms: ['所属第三方机构', '第三方机构', '所属机构'] },
  { key: 'certNo', label: '证件编号', type: 'text', synonyms: ['证件编号', '普查员证编号', '普查证编号', '工作证编号', '证书编号'] },
  { key: 'certDate', label: '发证日期', type: 'date', synonyms: ['发证日期', '发证时间'] },
  { key: 'certIssuer', label: '发证机关', type: 'text', synonyms: ['发证机关', '发证单位'] },
  {
    key: 'hireStart',
    label: '聘用开始日期',
    type: 'date',
    synonyms: ['聘用开始日期', '聘用日期', '聘用起始日期', '聘用起', '聘用时间', '上岗日期', '上岗时间', '入职日期'],
  },
  { key: 'hireEnd', label: '聘用结束日期', type: 'date', synonyms: ['聘用结束日期', '聘用截止日期', '聘用止', '聘用到期日期'] },
  { key: 'status', label: '在岗状态', type: 'enum', values: PERSON_STATUSES, aliases: STATUS_ALIASES, synonyms: ['在岗状态', '状态', '是否在岗'] },
  { key: 'leftDate', label: '离岗日期', type: 'date', synonyms: ['离岗日期', '离岗时间'] },
  { key: 'leftReason', label: '离岗原因', type: 'text', synonyms: ['离岗原因'] },
  { key: 'insuranceCompany', label: '保险公司', type: 'text', synonyms: ['保险公司', '承保公司'] },
  { key: 'insurancePolicyNo', label: '保单号', type: 'text', synonyms: ['保单号', '保险单号', '保单编号'] },
  { key: 'insuranceStart', label: '保险起始日期', type: 'date', synonyms: ['保险起始日期', '保险开始日期', '保险起期'] },
  { key: 'insuranceEnd', label: '保险截止日期', type: 'date', synonyms: ['保险截止日期', '保险结束日期', '保险止期'] },
  { key: 'insuranceAmount', label: '保额', type: 'money', synonyms: ['保额', '保险金额'] },
  { key: 'bankName', label: '开户行', type: 'text', synonyms: ['开户行', '开户银行'] },
  { key: 'bankAccount', label: '银行卡号', type: 'code', synonyms: ['银行卡号', '银行账号', '卡号', '账号'] },
  { key: 'payRate', label: '劳务报酬标准', type: 'money', synonyms: ['劳务报酬标准', '报酬标准', '补助标准'] },
  { key: 'payBasis', label: '报酬计算方式', type: 'enum', values: PAY_BASES, aliases: PAY_BASIS_ALIASES, synonyms: ['报酬计算方式', '计酬方式'] },
  { key: 'note', label: '备注', type: 'text', synonyms: ['备注', '说明'] },
];
