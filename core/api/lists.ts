// Methods over any list: 导出 of what a list shows.
import { method } from './define';
import { listExportInput, listExportResult } from '../schemas/listExport';

export const listsApi = {
  'list.export': method({
    input: listExportInput,
    output: listExportResult,
    // Whoever may read the list may export it; the export is recorded (who took which rows out).
    access: 'read',
    effect: 'write',
    summary: '导出列表（当前搜索和筛选下的全部行，按列表的列，.xlsx，标题注明筛选条件）',
  }),
};
