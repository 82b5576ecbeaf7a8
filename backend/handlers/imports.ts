// Imports (issue #5): see backend/imports/ for the pipeline and docs/api.md for the methods.
// import.commit is two-phase: a re-check after later writes runs before the transaction, the
// writes and their audit entry inside it.
import type { importsApi } from '../../core/api/imports';
import type { AreaHandlers } from './types';
import { sliced, writerBound } from '../phases';
import { commitStaged, prepareCommit, type PreparedCommit } from '../imports/commit';
import { findCommittable } from '../imports/store';
import { importTemplate } from '../imports/template';
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

export const importsHandlers: AreaHandlers<typeof importsApi> = {
  'import.kinds': importKinds,
  'import.upload': uploadImport,
  // Its check keeps statements and dry runs on the writer connection for the commit.
  'import.preview': writerBound(previewImport),
  'import.sheets': importSheets,
  'import.progress': importProgress,
  'import.cancel': cancelImport,
  'import.errors': errorsOf,
  'import.template': importTemplate,
  // Sliced: a big commit lets reads through meanwhile (backend/phases.ts).
  'import.commit': sliced<'import.commit', PreparedCommit>({
    prepare: (input, ctx) => prepareCommit(ctx, findCommittable(ctx.db, input.importId), input),
    slices: (prepared, input, ctx) => commitStaged(ctx, prepared, input),
  }),
  'import.discard': discardImport,
  'import.history': importHistory,
};
