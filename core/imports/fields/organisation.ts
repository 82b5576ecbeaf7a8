// 组织与宣传 imports: the 领导小组 / 成员单位 list, the publicity log and the 设备与账号 register, as
// offices keep them in Excel.
import { DEVICE_KINDS, DEVICE_STATES, GROUP_POSTS, PUBLICITY_KINDS } from '../../organisation';
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

/** The 设备与账号 register: a hand-over row, its holder named by 人员编号, 公民身份号码 or 姓名. */
export const deviceFields: readonly ImportField[] = [
  {
    key: 'kind',
    label: '类别',
    type: 'enum',
    required: true,
    values: DEVICE_KINDS,
    aliases: {
      平板: 'PAD',
      平板电脑: 'PAD',
      采集终端: 'PAD',
      账号: '系统账号',
      帐号: '系统账号',
      系统帐号: '系统账号',
    },
    synonyms: ['类别', '设备类别', '类型', '设备类型'],
  },
  {
    key: 'identifier',
    label: '编号/账号',
    type: 'code',
    required: true,
    synonyms: ['编号/账号', '设备编号', '编号', '账号', '帐号', '序列号'],
  },
  { key: 'description', label: '型号/说明', type: 'text', synonyms: ['型号/说明', '型号', '设备型号', '品牌型号'] },
  {
    key: 'personName',
    label: '领用人',
    type: 'text',
    hint: '按人员编号、公民身份号码或姓名（花名册中唯一时）匹配花名册中的人员',
    synonyms: ['领用人', '姓名', '领用人姓名', '使用人', '持有人'],
  },
  {
    key: 'idNumber',
    label: '公民身份号码',
    type: 'code',
    synonyms: ['公民身份号码', '身份证号', '身份证号码', '领用人身份证号'],
  },
  { key: 'personCode', label: '人员编号', type: 'code', synonyms: ['人员编号', '领用人编号'] },
  {
    key: 'handedDate',
    label: '发放日期',
    type: 'date',
    required: true,
    synonyms: ['发放日期', '领用日期', '领取日期', '发放时间'],
  },
  { key: 'returnedDate', label: '归还日期', type: 'date', synonyms: ['归还日期', '收回日期', '归还时间'] },
  {
    key: 'state',
    label: '状态',
    type: 'enum',
    values: DEVICE_STATES,
    aliases: { 正常: '在用', 使用中: '在用', 损坏: '故障', 丢失: '遗失', 注销: '已注销', 报废: '已注销' },
    synonyms: ['状态', '使用状态', '设备状态'],
  },
  { key: 'note', label: '备注', type: 'text', synonyms: ['备注', '说明'] },
];
