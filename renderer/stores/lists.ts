// The app's list stores, one per list screen, kept for the session so a list keeps its search,
// sort and scroll position while the clerk looks at a record and comes back. Each asks again after a
// write of what it shows (`shows`, beyond its own entity).

import { createListStore } from './listStore';
import type {
  AgencyRecord,
  AllocationRecord,
  AuditRecord,
  BudgetItemRecord,
  ContractRecord,
  DistrictRecord,
  ExpenditureRecord,
  MilestoneRecord,
  OperatorRecord,
  PayRunRow,
  PersonRecord,
  ReportExportRecord,
  TownshipRecord,
  TrainingRecord,
  VillageRecord,
} from '../api/types';

/** A person's row shows their district assignments and training status. */
const PEOPLE_SHOW = ['person', 'district', 'attendance'];

/**
 * The roster asks 50 rows a page, not 100: a window shows about 20 and every keystroke of a search
 * asks for the first page again (at 100k people 3–7 ms less on the server and half the JSON each).
 */
export const PEOPLE_PAGE_SIZE = 50;

export const peopleList = createListStore<PersonRecord>('person.list', {
  shows: PEOPLE_SHOW,
  pageSize: PEOPLE_PAGE_SIZE,
});
export const townshipList = createListStore<TownshipRecord>('township.list');
export const villageList = createListStore<VillageRecord>('village.list');
export const districtList = createListStore<DistrictRecord>('district.list');
/** An agency's row counts its contracts and their amounts. */
export const agencyList = createListStore<AgencyRecord>('agency.list', { shows: ['agency', 'contract'] });
export const contractList = createListStore<ContractRecord>('contract.list');
export const budgetItemList = createListStore<BudgetItemRecord>('budgetItem.list');
export const allocationList = createListStore<AllocationRecord>('allocation.list');
/** Recording a contract payment or posting a pay run adds expenditures. */
export const expenditureList = createListStore<ExpenditureRecord>('expenditure.list', {
  shows: ['expenditure', 'contract', 'payRun'],
});
export const payRunList = createListStore<PayRunRow>('payRun.list');
/** A session's row counts its attendance. */
export const trainingList = createListStore<TrainingRecord>('training.list', {
  defaultSort: { field: 'startDate', dir: 'desc' },
  shows: ['training', 'attendance'],
});
export const milestoneList = createListStore<MilestoneRecord>('milestone.list');
export const operatorList = createListStore<OperatorRecord>('operator.list');
export const auditList = createListStore<AuditRecord>('audit.list');
export const reportHistoryList = createListStore<ReportExportRecord>('report.history');

/** Lists embedded in detail pages (a township's villages, a supervisor's 普查员). */
export const embeddedPeople = createListStore<PersonRecord>('person.list', { shows: PEOPLE_SHOW });
export const embeddedVillages = createListStore<VillageRecord>('village.list');
export const embeddedDistricts = createListStore<DistrictRecord>('district.list');
export const embeddedContracts = createListStore<ContractRecord>('contract.list');
