// The application as one object: an open store and its dispatch. Transports wrap this.
import { openDatabase, type OpenOptions } from '../db/open';
import { createDispatch, type Dispatch } from './dispatch';

export interface Backend {
  dispatch: Dispatch;
  db: ReturnType<typeof openDatabase>['db'];
  path: string;
  close: () => void;
}

export function openBackend(path: string, opts: OpenOptions = {}): Backend {
  const { db } = openDatabase(path, opts);
  return { dispatch: createDispatch(db), db, path, close: () => db.close() };
}
