// Imports: the history of committed imports (the same file imported twice is recognised by its
// hash) and the column mappings clerks confirmed, remembered per header shape.
import type { SchemaPart } from './types';
import { oneOf, stamps } from './types';
import { IMPORT_KINDS } from '../../core/imports/kinds';
import { ON_EXISTING } from '../../core/schemas/imports';

export const imports: SchemaPart = {
  labels: {
    import_history: '导入记录',
    import_mappings: '导入列对应',
  },
  sql: `
CREATE TABLE import_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  kind TEXT NOT NULL ${oneOf('kind', IMPORT_KINDS)},
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL CHECK (length(file_hash) = 64),
  file_size INTEGER NOT NULL,
  sheet TEXT NOT NULL,
  on_existing TEXT NOT NULL ${oneOf('on_existing', ON_EXISTING)},
  created INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  unchanged INTEGER NOT NULL,
  skipped INTEGER NOT NULL,
  rejected INTEGER NOT NULL,
  total INTEGER NOT NULL,
  operator_id INTEGER REFERENCES operators (id),
  operator_name TEXT NOT NULL
);
CREATE INDEX import_history_hash ON import_history (file_hash);

CREATE TABLE import_mappings (
  kind TEXT NOT NULL ${oneOf('kind', IMPORT_KINDS)},
  -- The header's normalised texts in column order (core/imports/mapping.ts headerShape).
  shape TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  ${stamps},
  PRIMARY KEY (kind, shape)
) WITHOUT ROWID;
`,
};
