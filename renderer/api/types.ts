// Record types as the API returns them, named once for the screens.
import type { OutputOf } from '../../core/api';

export type PersonRecord = OutputOf<'person.get'>;
export type TownshipRecord = OutputOf<'township.get'>;
export type VillageRecord = OutputOf<'village.get'>;
export type DistrictRecord = OutputOf<'district.get'>;
export type AgencyRecord = OutputOf<'agency.get'>;
export type ContractRecord = OutputOf<'contract.get'>;
export type ContractNodeRecord = OutputOf<'contractNode.get'>;
export type ContractDetail = OutputOf<'contract.detail'>;
export type BudgetItemRecord = OutputOf<'budgetItem.get'>;
export type BudgetTree = OutputOf<'budget.tree'>;
export type AllocationRecord = OutputOf<'allocation.get'>;
export type ExpenditureRecord = OutputOf<'expenditure.get'>;
export type PayRunRow = OutputOf<'payRun.list'>['rows'][number];
export type PayRunRecord = OutputOf<'payRun.get'>;
export type TrainingRecord = OutputOf<'training.get'>;
export type AttendanceRecord = OutputOf<'attendance.list'>['rows'][number];
export type MilestoneRecord = OutputOf<'milestone.get'>;
export type ProgressTable = OutputOf<'progress.get'>;
export type OperatorRecord = OutputOf<'operator.list'>['rows'][number];
export type AuditRecord = OutputOf<'audit.list'>['rows'][number];
export type ReportExportRecord = OutputOf<'report.history'>['rows'][number];
export type OfficeRecord = NonNullable<OutputOf<'office.get'>>;
export type SessionOperator = NonNullable<OutputOf<'session.current'>>;
export type DashboardData = OutputOf<'dashboard.checks'>;
export type DashboardCheck = DashboardData['checks'][number];
