// 档案登记 (docs/spec/coverage-and-archive.md): plain CRUD; imports through import.* (kind archive).
import { crud } from './define';
import * as s from '../schemas/archive';

export const archiveApi = {
  ...crud('archive', '档案', { create: s.archiveCreate, record: s.archiveRecord, list: s.archiveList }),
};
