// 组织与宣传 imports: the 领导小组 / 成员单位 list and the publicity log, as offices keep them in Excel.
import { GROUP_POSTS, PUBLICITY_KINDS } from '../../organisation';
import type { ImportField } from '../types';

export const groupMemberFields: readonly ImportField[] = [
  {
    key: 'unit',
    label: '成员单位',
    type: 'text',
    required: true,
    synonyms: ['成员单位', '单位', '工作单位', '单位名称'],
  },
  { key: 'name', label: '姓名', type: 'text', required: true, synonyms: ['姓名', '成员姓名', '人员', '联系人'] },
  { key: 'unitPost', label: '单位职务', type: 'text', synonyms: ['单位职务', '职务', '现任职务'] },
  {
    key: 'groupPost',
    label: '组内职务',
    type: 'enum',
    required: true,
    values: GROUP_POSTS,
    aliases: { 组员: '成员', 领导小组成员: '成员', 办公室联络员: '联络员', 主任: '办公室主任', 副主任: '办公室副主任' },
    synonyms: ['组内职务', '领导小组职务', '小组职务', '担任职务', '组内分工'],
  },
  { key: 'duties', label: '职责分工', type: 'text', synonyms: ['职责分工', '工作职责', '职责', '分工', '主要职责'] },
  { key: 'phone', label: '联系电话', type: 'code', synonyms: ['联系电话', '电话', '手机', '办公电话'] },
  { key: 'sort', label: '排序', type: 'int', synonyms: ['排序', '排序号'] },
  { key: 'note', label: '备注', type: 'text', synonyms: ['备注', '说明'] },
];

export const publicityFields: readonly ImportField[] = [
  { key: 'date', label: '日期', type: 'date', required: true, synonyms: ['日期', '宣传日期', '时间', '发布日期'] },
  {
    key: 'kind',
    label: '宣传形式',
    type: 'enum',
    required: true,
    values: PUBLICITY_KINDS,
    aliases: {
      新闻: '新闻报道',
      报刊: '新闻报道',
      报纸: '新闻报道',
      电视: '广播电视',
      广播: '广播电视',
      网络: '网络新媒体',
      微信: '网络新媒体',
      微博: '网络新媒体',
      新媒体: '网络新媒体',
      标语: '标语横幅',
      横幅: '标语横幅',
      宣传册: '宣传资料',
      宣传单: '宣传资料',
      海报: '宣传资料',
      活动: '宣传活动',
    },
    synonyms: ['宣传形式', '形式', '类型', '宣传类型', '宣传方式'],
  },
  { key: 'channel', label: '渠道/媒体', type: 'text', synonyms: ['渠道/媒体', '媒体', '渠道', '载体', '发布平台'] },
  {
    key: 'title',
    label: '标题/内容',
    type: 'text',
    required: true,
    synonyms: ['标题/内容', '标题', '内容', '宣传内容', '主题'],
  },
  {
    key: 'quantity',
    label: '数量/覆盖',
    type: 'int',
    synonyms: ['数量/覆盖', '数量', '份数', '覆盖人数', '覆盖人次', '次数'],
  },
  { key: 'unit', label: '计量单位', type: 'text', synonyms: ['计量单位', '单位'] },
  { key: 'note', label: '备注', type: 'text', synonyms: ['备注', '说明'] },
];
