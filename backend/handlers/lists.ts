// Methods over any list. list.export calls the named list's own handler, so it is given the
// dispatch map by index.ts rather than importing it (which would be a cycle).
import type { MethodName } from '../../core/api';
import type { listsApi } from '../../core/api/lists';
import { listExport } from '../areas/lists/export';
import type { AreaHandlers, Handler } from './types';

export const listsHandlers = (handlerOf: (name: MethodName) => Handler<MethodName>): AreaHandlers<typeof listsApi> => ({
  'list.export': listExport(handlerOf),
});
