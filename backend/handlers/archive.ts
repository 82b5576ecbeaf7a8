import type { archiveApi } from '../../core/api/archive';
import { archives } from '../areas/archive/archive';
import { fromServices } from './fromServices';

export const archiveHandlers = fromServices<typeof archiveApi>({
  'archive.create': archives.create,
  'archive.get': archives.get,
  'archive.update': archives.update,
  'archive.list': archives.list,
  'archive.delete': archives.delete,
});
