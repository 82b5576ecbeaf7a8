// 档案登记 (work plan point 11, 加强资料管理): what the office keeps, where, filed and handed over
// when and to whom, and who answers for it.
import { z } from 'zod';
import { text, optText, optCode, optDate, optInt, oneOf, optOneOf, bool } from './fields';
import { ARCHIVE_CATEGORIES, ARCHIVE_RETENTIONS, ARCHIVE_SECRECY } from '../enums';
import { listInput, recordOf } from '../api/define';

export const archiveCreate = z
  .object({
    archiveNo: optCode('档号', /^[0-9A-Za-z\-·.()（）〔〕]{1,40}$/, '字母、数字和连接符，至多40位'),
    title: text('档案名称', { max: 200 }),
    category: oneOf('档案类别', ARCHIVE_CATEGORIES),
    year: optInt('年度', 1900, 2100),
    secrecy: oneOf('密级', ARCHIVE_SECRECY).default('内部'),
    retention: optOneOf('保管期限', ARCHIVE_RETENTIONS),
    quantity: optInt('数量'),
    unit: optText('数量单位', { max: 10 }),
    location: optText('存放位置', { max: 200 }),
    filedDate: optDate('归档日期'),
    transferDate: optDate('移交日期'),
    transferTo: optText('接收单位（人）', { max: 100 }),
    keeper: optText('责任人', { max: 50 }),
    note: optText('备注'),
  })
  .strict();

export const archiveRecord = recordOf(archiveCreate, {});

export const archiveList = listInput(
  {
    category: oneOf('档案类别', ARCHIVE_CATEGORIES).optional(),
    secrecy: oneOf('密级', ARCHIVE_SECRECY).optional(),
    year: optInt('年度', 1900, 2100).optional(),
    transferred: bool('是否已移交').optional(),
    filed: bool('是否已归档').optional(),
  },
  ['archiveNo', 'title', 'filedDate', 'transferDate'] as const,
);
