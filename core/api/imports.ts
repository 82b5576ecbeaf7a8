// Imports (issue #5): upload → preview (mapping, row errors, new/update/unchanged) → commit.
// Staging keeps the file in the backend's memory and writes nothing; only import.commit writes,
// in one transaction with one audit entry for the import and one for each record it writes.
// Staging, previewing and the error workbook need the 录入 role (access 'write'), although they
// write nothing: reading an untrusted file costs the server memory and time, and the error
// workbook hands back the file's unmasked IDs.
import { z } from 'zod';
import { method, listOutput } from './define';
import * as s from '../schemas/imports';
import * as t from '../schemas/importTemplate';

export const importsApi = {
  'import.kinds': method({
    input: z.object({}).strict(),
    output: s.importKindsResult,
    access: 'read',
    effect: 'none',
    summary: '可导入的类型及其列',
  }),
  'import.upload': method({
    input: s.importUpload,
    output: s.importUploadResult,
    access: 'write',
    effect: 'none',
    summary: '上传导入文件（暂存于内存，不写入数据；随即在后台读取）',
  }),
  'import.preview': method({
    input: s.importPreviewInput,
    output: s.importPreview,
    access: 'write',
    effect: 'none',
    summary: '导入预览：工作表、表头、列对应、逐行检查结果（不写入数据）',
  }),
  'import.sheets': method({
    input: s.importIdInput,
    output: s.importSheets,
    access: 'write',
    effect: 'none',
    summary: '文件中的工作表及是否找到表头（读取完成后返回；预览找不到表头时供选择工作表）',
  }),
  'import.progress': method({
    input: s.importIdInput,
    output: s.importProgress,
    access: 'write',
    effect: 'none',
    summary: '导入读取与检查进度',
  }),
  'import.cancel': method({
    input: s.importIdInput,
    output: z.object({ importId: z.string(), cancelled: z.boolean() }),
    access: 'write',
    effect: 'none',
    summary: '取消正在进行的读取与检查',
  }),
  'import.errors': method({
    input: s.importIdInput,
    output: s.importErrorsResult,
    access: 'write',
    effect: 'none',
    summary: '导出错误行（原行加“错误原因”列的工作簿）',
  }),
  'import.template': method({
    input: t.importTemplateInput,
    output: t.importTemplateResult,
    // The headers, dropdowns and the office's township names: nothing a 只读 operator cannot see.
    access: 'read',
    effect: 'none',
    summary: '下载导入模板（表头、示例行、文本格式的号码列、下拉选项和填表说明）',
  }),
  'import.commit': method({
    input: s.importCommitInput,
    output: s.importCommitResult,
    access: 'write',
    effect: 'write',
    // Each person (or other record) it creates or updates gets its own entry, besides the import's.
    recordEntries: (out) => out.created + out.updated,
    summary: '确认导入（按预览结果在一个事务中写入）',
  }),
  'import.discard': method({
    input: s.importIdInput,
    output: z.object({ importId: z.string(), discarded: z.boolean() }),
    access: 'write',
    effect: 'none',
    summary: '放弃暂存的导入',
  }),
  'import.history': method({
    input: s.importHistoryInput,
    output: listOutput(s.importRecord),
    access: 'read',
    effect: 'none',
    summary: '导入记录',
  }),
};
