// Townships, villages and census districts (区划与普查小区), domain.md §2.
import { DISTRICT_BASES, DISTRICT_STATUSES } from '../../enums';
import type { ImportField } from '../types';
import { DISTRICT_STATUS_ALIASES } from './aliases';

const note: ImportField = { key: 'note', label: '备注', type: 'text', synonyms: ['备注', '说明'] };

export const townshipFields: readonly ImportField[] = [
  {
    key: 'code',
    label: '乡镇（街道）代码',
    type: 'code',
    required: true,
    synonyms: ['乡镇(街道)代码', '乡镇代码', '街道代码', '区划代码', '代码', '统计用区划代码'],
  },
  {
    key: 'name',
    label: '乡镇（街道）名称',
    type: 'text',
    required: true,
    synonyms: ['乡镇(街道)名称', '乡镇名称', '乡镇', '名称', '乡镇(街道)', '街道名称'],
  },
  note,
];

export const villageFields: readonly ImportField[] = [
  {
    key: 'code',
    label: '村（居）代码',
    type: 'code',
    required: true,
    synonyms: ['村(居)代码', '村代码', '社区代码', '村(社区)代码', '区划代码', '代码', '统计用区划代码'],
  },
  {
    key: 'name',
    label: '村（社区）名称',
    type: 'text',
    required: true,
    synonyms: ['村(社区)名称', '村名称', '社区名称', '村(居)名称', '名称', '村(社区)', '村'],
  },
  {
    key: 'township',
    label: '所属乡镇（街道）',
    type: 'ref',
    hint: '按名称或代码匹配；留空时由村（居）代码前9位确定',
    synonyms: ['所属乡镇(街道)', '所属乡镇', '乡镇', '乡镇(街道)', '所在乡镇', '乡镇名称'],
  },
  note,
];

export const districtFields: readonly ImportField[] = [
  {
    key: 'code',
    label: '普查小区代码',
    type: 'code',
    synonyms: ['普查小区代码', '小区代码', '普查区代码', '代码', '编码'],
    hint: '留空则按所属村（居）代码加序号自动生成',
  },
  {
    key: 'name',
    label: '普查小区名称',
    type: 'text',
    required: true,
    synonyms: ['普查小区名称', '小区名称', '普查小区', '名称'],
  },
  {
    key: 'township',
    label: '所属乡镇（街道）',
    type: 'ref',
    hint: '按名称或代码匹配；留空时由所属村（社区）确定',
    synonyms: ['所属乡镇(街道)', '所属乡镇', '乡镇', '乡镇(街道)', '所在乡镇'],
  },
  {
    key: 'village',
    label: '所属村（社区）',
    type: 'ref',
    hint: '按名称（在所属乡镇内）或12位代码匹配',
    synonyms: ['所属村(社区)', '所属村', '村(社区)', '村', '社区', '所在村'],
  },
  { key: 'basis', label: '划分依据', type: 'enum', values: DISTRICT_BASES, synonyms: ['划分依据', '依据'] },
  { key: 'boundaryNote', label: '四至范围', type: 'text', synonyms: ['四至范围', '四至', '范围', '边界'] },
  {
    key: 'listingCount',
    label: '名录库底册数',
    type: 'int',
    synonyms: ['名录库底册数', '底册数', '名录数', '底册单位数'],
  },
  {
    key: 'status',
    label: '划分状态',
    type: 'enum',
    values: DISTRICT_STATUSES,
    aliases: DISTRICT_STATUS_ALIASES,
    synonyms: ['划分状态', '状态'],
  },
  {
    key: 'enumerators',
    label: '普查员',
    type: 'ref',
    hint: '公民身份号码、人员编号或姓名，多人用“、”分隔',
    synonyms: ['普查员', '普查员姓名'],
  },
  {
    key: 'supervisors',
    label: '普查指导员',
    type: 'ref',
    hint: '公民身份号码、人员编号或姓名，多人用“、”分隔',
    synonyms: ['普查指导员', '指导员', '普查指导员姓名'],
  },
  note,
];
