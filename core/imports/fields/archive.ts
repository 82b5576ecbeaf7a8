// 档案目录 (the office's archive register as clerks keep it in Excel): one row per record.
import { ARCHIVE_CATEGORIES, ARCHIVE_RETENTIONS, ARCHIVE_SECRECY } from '../../enums';
import type { ImportField } from '../types';

const CATEGORY_ALIASES: Record<string, string> = {
  文书: '文书档案',
  普查表: '普查表册',
  表册: '普查表册',
  名录库: '名录库资料',
  会计: '会计档案',
  电子: '电子档案',
  声像: '声像档案',
  照片: '声像档案',
  实物: '实物档案',
};

export const archiveFields: readonly ImportField[] = [
  {
    key: 'archiveNo',
    label: '档号',
    type: 'code',
    required: true,
    synonyms: ['档号', '档案号', '档案编号', '编号'],
    hint: '导入时按档号找到已登记的档案',
  },
  { key: 'title', label: '档案名称', type: 'text', required: true, synonyms: ['档案名称', '题名', '案卷题名', '名称'] },
  {
    key: 'category',
    label: '档案类别',
    type: 'enum',
    required: true,
    values: ARCHIVE_CATEGORIES,
    aliases: CATEGORY_ALIASES,
    synonyms: ['档案类别', '类别', '门类', '档案门类'],
  },
  { key: 'year', label: '年度', type: 'int', synonyms: ['年度', '年份'] },
  { key: 'secrecy', label: '密级', type: 'enum', values: ARCHIVE_SECRECY, synonyms: ['密级'] },
  {
    key: 'retention',
    label: '保管期限',
    type: 'enum',
    values: ARCHIVE_RETENTIONS,
    aliases: { 长期: '30年', 短期: '10年' },
    synonyms: ['保管期限', '保存期限'],
  },
  { key: 'quantity', label: '数量', type: 'int', synonyms: ['数量', '份数', '卷数', '件数', '页数'] },
  { key: 'unit', label: '数量单位', type: 'text', synonyms: ['数量单位', '单位'] },
  { key: 'location', label: '存放位置', type: 'text', synonyms: ['存放位置', '存放地点', '保管地点', '位置'] },
  { key: 'filedDate', label: '归档日期', type: 'date', synonyms: ['归档日期', '归档时间'] },
  { key: 'transferDate', label: '移交日期', type: 'date', synonyms: ['移交日期', '移交时间'] },
  {
    key: 'transferTo',
    label: '接收单位（人）',
    type: 'text',
    synonyms: ['接收单位（人）', '接收单位', '接收人', '移交对象'],
  },
  { key: 'keeper', label: '责任人', type: 'text', synonyms: ['责任人', '保管人', '经办人'] },
  { key: 'note', label: '备注', type: 'text', synonyms: ['备注', '说明'] },
];
