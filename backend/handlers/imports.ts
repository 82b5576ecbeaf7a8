// Imports (issue #5): see backend/imports/ for the pipeline and docs/api.md for the methods.
import type { importsApi } from '../../core/api/imports';
import type { HandlerCtx } from '../context';
import type { AreaHandlers } from './types';
import { commitStaged } from '../imports/commit';
import { findStaged } from '../imports/store';
import {
  cancelImport,
  discardImport,
  errorsOf,
  importHistory,
  importKinds,
  importProgress,
  importSheets,
  previewImport,
  uploadImport,
} from '../imports/service';

function commit(
  input: { importId: string; onExisting: 'update' | 'skip'; acceptDuplicateFile: boolean },
  ctx: HandlerCtx,
) {
  return commitStaged(ctx, findStaged(ctx.db, input.importId), input);
}

export const importsHandlers = {
  'import.kinds': importKinds,
  'import.upload': uploadImport,
  'import.preview': previewImport,
  'import.sheets': importSheets,
  'import.progress': importProgress,
  'import.cancel': cancelImport,
  'import.errors': errorsOf,
  'import.commit': commit,
  'import.discard': discardImport,
  'import.history': importHistory,
} as unknown as AreaHandlers<typeof importsApi>;
