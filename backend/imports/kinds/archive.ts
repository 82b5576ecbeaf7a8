// 档案目录: one row per archive record, found again by its 档号.
import { archiveCreate } from '../../../core/schemas/archive';
import { archiveFields } from '../../../core/imports/fields/archive';
import { archiveDef } from '../../../db/entities/archive';
import { archives } from '../../areas/archive/archive';
import { entityImporter } from './entity';

export const archiveImporter = entityImporter({
  kind: 'archive',
  fields: archiveFields,
  schema: archiveCreate,
  def: archiveDef,
  write: archives,
  key: { field: 'archiveNo', column: 'archive_no', label: '档号' },
  load: () => null,
});
