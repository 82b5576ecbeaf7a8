// The app's list stores, one per list screen, kept for the session so a list keeps its search,
// sort and scroll position while the clerk looks at a record and comes back.
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

export const peopleList = createListStore<PersonRecord>('person.list');
export const townshipList = createListStore<TownshipRecord>('township.list');
export const villageList = createListStore<VillageRecord>('village.list');
export const districtList = createListStore<DistrictRecord>('district.list');
export const agencyList = createListStore<AgencyRecord>('agency.list');
export const contractList = createListStore<ContractRecord>('contract.list');
export const budgetItemList = createListStore<BudgetItemRecord>('budgetItem.list');
export const allocationList = createListStore<AllocationRecord>('allocation.list');
export const expenditureList = createListStore<ExpenditureRecord>('expenditure.list');
export const payRunList = createListStore<PayRunRow>('payRun.list');
export const trainingList = createListStore<TrainingRecord>('training.list', {
  defaultSort: { field: 'startDate', dir: 'desc' },
});
export const milestoneList = createListStore<MilestoneRecord>('milestone.list');
export const operatorList = createListStore<OperatorRecord>('operator.list');
export const auditList = createListStore<AuditRecord>('audit.list');
export const reportHistoryList = createListStore<ReportExportRecord>('report.history');

/** Lists embedded in detail pages (a township's villages, a supervisor's 普查员). */
export const embeddedPeople = createListStore<PersonRecord>('person.list');
export const embeddedVillages = createListStore<VillageRecord>('village.list');
export const embeddedDistricts = createListStore<DistrictRecord>('district.list');
export const embeddedContracts = createListStore<ContractRecord>('contract.list');
