import type { contractsApi } from '../../core/api/contracts';
import {
  acceptances,
  agencies,
  contractDetail,
  contractNodes,
  contracts,
  deleteContract,
} from '../areas/contracts/contracts';
import { deletePayment, recordPayment, updatePayment } from '../areas/contracts/payments';
import { fromServices } from './fromServices';

export const contractsHandlers = fromServices<typeof contractsApi>({
  'agency.create': agencies.create,
  'agency.get': agencies.get,
  'agency.update': agencies.update,
  'agency.list': agencies.list,
  'agency.delete': agencies.delete,
  'contract.create': contracts.create,
  'contract.get': contracts.get,
  'contract.update': contracts.update,
  'contract.list': contracts.list,
  'contract.delete': deleteContract,
  'contract.detail': contractDetail,
  'contractNode.create': contractNodes.create,
  'contractNode.get': contractNodes.get,
  'contractNode.update': contractNodes.update,
  'contractNode.list': contractNodes.list,
  'contractNode.delete': contractNodes.delete,
  'acceptance.create': acceptances.create,
  'acceptance.get': acceptances.get,
  'acceptance.update': acceptances.update,
  'acceptance.list': acceptances.list,
  'acceptance.delete': acceptances.delete,
  'contract.recordPayment': recordPayment,
  'contract.updatePayment': updatePayment,
  'contract.deletePayment': deletePayment,
});
