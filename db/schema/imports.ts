// Imports: the history of committed imports (the same file imported twice is recognised by its
// hash) and the column mappings clerks confirmed, remembered per header shape.
import type { SchemaPart } from './types';

export const imports: SchemaPart = {
  labels: {
    import_history: '导入记录',
    import_mappings: '导入列对应',
  },
};
