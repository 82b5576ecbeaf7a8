// 下载导入模板 (import.template): the kind asked for, and the workbook as a file field (over HTTP a
// download reference, core/schemas/files.ts).
import { z } from 'zod';
import { IMPORT_KINDS } from '../imports/kinds';
import { oneOf } from './fields';
import { fileField } from './files';

export const importTemplateInput = z.object({ kind: oneOf('导入类型', IMPORT_KINDS) }).strict();

export const importTemplateResult = z.object({
  /** `人员花名册导入模板.xlsx`. */
  fileName: z.string(),
  contentBase64: fileField(z.string()),
});
