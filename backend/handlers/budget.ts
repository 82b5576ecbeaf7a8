import type { budgetApi } from '../../core/api/budget';
import { allocations, budgetItems, budgetTree, expenditures } from '../areas/budget/budget';
import {
  createPayRun,
  deletePayRun,
  getPayRun,
  listPayRuns,
  postPayRun,
  unpostPayRun,
  updatePayRun,
} from '../areas/budget/payRuns';
import { payRunCandidates } from '../areas/budget/payRunGroups';
import { fromServices } from './fromServices';

export const budgetHandlers = fromServices<typeof budgetApi>({
  'budgetItem.create': budgetItems.create,
  'budgetItem.get': budgetItems.get,
  'budgetItem.update': budgetItems.update,
  'budgetItem.list': budgetItems.list,
  'budgetItem.delete': budgetItems.delete,
  'allocation.create': allocations.create,
  'allocation.get': allocations.get,
  'allocation.update': allocations.update,
  'allocation.list': allocations.list,
  'allocation.delete': allocations.delete,
  'expenditure.create': expenditures.create,
  'expenditure.get': expenditures.get,
  'expenditure.update': expenditures.update,
  'expenditure.list': expenditures.list,
  'expenditure.delete': expenditures.delete,
  'budget.tree': budgetTree,
  'payRun.create': createPayRun,
  'payRun.get': getPayRun,
  'payRun.update': updatePayRun,
  'payRun.list': listPayRuns,
  'payRun.delete': deletePayRun,
  'payRun.post': postPayRun,
  'payRun.unpost': unpostPayRun,
  'payRun.candidates': payRunCandidates,
});
