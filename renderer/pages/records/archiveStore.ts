// The archive register's list store and record type (one list screen: 保密与档案 → 档案登记).
import type { OutputOf } from '../../../core/api';
import { createListStore } from '../../stores/listStore';

export type ArchiveRecord = OutputOf<'archive.get'>;
export const archiveList = createListStore<ArchiveRecord>('archive.list', {
  defaultSort: { field: 'archiveNo', dir: 'asc' },
});
