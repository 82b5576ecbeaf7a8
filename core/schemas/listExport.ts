// 导出 on any list (list.export): the rows a list method gives for the list's current search,
// filters and sort, in the columns the list shows, as an .xlsx whose title says the filters.
import { z } from 'zod';
import { text } from './fields';
import { sortDir } from '../api/define';
import { fileField } from './files';

export const LIST_EXPORT_KINDS = ['text', 'money', 'number'] as const;

export const listExportColumn = z
  .object({
    /** The record field the column shows (arrays are joined with 、, true/false become 是/否). */
    field: z.string().min(1).max(60),
    title: text('列名', { max: 50 }),
    /** money: 分 written as 元 with two decimals. */
    kind: z.enum(LIST_EXPORT_KINDS).default('text'),
  })
  .strict();

export const listExportInput = z
  .object({
    /** The list method: person.list, township.list… */
    list: z.string().regex(/^[a-zA-Z]+\.list$/, { message: '列表接口应为 xxx.list' }),
    q: z.string().max(100).optional(),
    filters: z.record(z.string(), z.unknown()).optional(),
    sort: z.object({ field: z.string(), dir: sortDir.default('asc') }).optional(),
    columns: z.array(listExportColumn).min(1, { message: '至少导出一列' }).max(80),
    /** The sheet's title: the list's name and, in brackets, its filters as the tags show them. */
    title: text('标题', { max: 300 }),
  })
  .strict();

export const listExportResult = z.object({
  fileName: z.string(),
  base64: fileField(z.string()),
  count: z.number().int(),
});
