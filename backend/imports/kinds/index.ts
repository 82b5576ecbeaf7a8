import type { ImportKind } from '../../../core/imports/kinds';
import type { KindImporter } from './types';
import { personImporter } from './person';
import { districtImporter, townshipImporter, villageImporter } from './regions';
import { agencyImporter } from './agency';
import { contractImporter } from './contract';
import { budgetItemImporter } from './budget';
import { attendanceImporter } from './attendance';
import { archiveImporter } from './archive';
import { problemImporter } from './problems';
import { groupMemberImporter, publicityImporter } from './organisation';
import { deviceImporter } from './devices';

export const importers: Record<ImportKind, KindImporter> = {
  person: personImporter,
  township: townshipImporter,
  village: villageImporter,
  district: districtImporter,
  agency: agencyImporter,
  contract: contractImporter,
  budgetItem: budgetItemImporter,
  attendance: attendanceImporter,
  archive: archiveImporter,
  problem: problemImporter,
  groupMember: groupMemberImporter,
  publicity: publicityImporter,
  device: deviceImporter,
};
