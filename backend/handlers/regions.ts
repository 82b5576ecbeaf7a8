import type { regionsApi } from '../../core/api/regions';
import { districts, townships, villages } from '../areas/regions/regions';
import { fromServices } from './fromServices';

export const regionsHandlers = fromServices<typeof regionsApi>({
  'township.create': townships.create,
  'township.get': townships.get,
  'township.update': townships.update,
  'township.list': townships.list,
  'township.delete': townships.delete,
  'village.create': villages.create,
  'village.get': villages.get,
  'village.update': villages.update,
  'village.list': villages.list,
  'village.delete': villages.delete,
  'district.create': districts.create,
  'district.get': districts.get,
  'district.update': districts.update,
  'district.list': districts.list,
  'district.delete': districts.delete,
});
