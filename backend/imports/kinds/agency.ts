// Third-party agencies, identified by 统一社会信用代码.
import { agencyCreate } from '../../../core/schemas/contracts';
import { agencyFields } from '../../../core/imports/fields/contracts';
import { agencyDef } from '../../../db/entities/contracts';
import { agencies } from '../../areas/contracts/contracts';
import { entityImporter } from './entity';

export const agencyImporter = entityImporter({
  kind: 'agency',
  fields: agencyFields,
  schema: agencyCreate,
  def: agencyDef,
  write: agencies,
  key: { field: 'creditCode', column: 'credit_code', label: '统一社会信用代码' },
  load: () => null,
});
