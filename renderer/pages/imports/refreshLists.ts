// After a commit the lists that show the imported records are asked again, so going back to them
// shows the new rows (the stores keep their rows for the session otherwise). Lists embedded in a
// detail page ask again whenever that page opens.
import type { ImportKind } from '../../../core/imports/kinds';
import {
  agencyList,
  budgetItemList,
  contractList,
  districtList,
  peopleList,
  townshipList,
  trainingList,
  villageList,
} from '../../stores/lists';

const STORES: Record<ImportKind, { getState: () => { reload: () => void } }[]> = {
  person: [peopleList],
  township: [townshipList],
  village: [villageList],
  // A district's people change with it (their assignments), so the roster is asked again too.
  district: [districtList, peopleList],
  agency: [agencyList],
  // An agency's row counts its contracts and their amounts.
  contract: [contractList, agencyList],
  budgetItem: [budgetItemList],
  // The roster shows each person's training status.
  attendance: [trainingList, peopleList],
};

export function refreshAfterImport(kind: ImportKind): void {
  for (const store of STORES[kind]) store.getState().reload();
}
