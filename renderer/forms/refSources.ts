// What a reference field points at: the list to search, the record to fetch a name from, and how
// a record is named in a picker. Names already seen are cached for the session.
import type { MethodName } from '../../core/api';
import { callByName } from '../api/call';

type Rec = Record<string, unknown>;

export interface RefSource {
  list: MethodName;
  get: MethodName;
  label: (r: Rec) => string;
  /** Grey text after the name in a picker (a code, a township). */
  hint?: (r: Rec) => string;
}

const s = (v: unknown) => (v == null ? '' : String(v));

export const REF_SOURCES = {
  township: { list: 'township.list', get: 'township.get', label: (r) => s(r.name), hint: (r) => s(r.code) },
  village: {
    list: 'village.list',
    get: 'village.get',
    label: (r) => s(r.name),
    hint: (r) => `${s(r.townshipName)} ${s(r.code)}`,
  },
  district: { list: 'district.list', get: 'district.get', label: (r) => s(r.name), hint: (r) => s(r.code) },
  person: {
    list: 'person.list',
    get: 'person.get',
    label: (r) => s(r.name),
    hint: (r) => `${s(r.personCode)} ${s(r.townshipName)}`,
  },
  agency: { list: 'agency.list', get: 'agency.get', label: (r) => s(r.name), hint: (r) => s(r.creditCode) },
  contract: { list: 'contract.list', get: 'contract.get', label: (r) => `${s(r.contractNo)} ${s(r.name)}` },
  budgetItem: {
    list: 'budgetItem.list',
    get: 'budgetItem.get',
    label: (r) => (r.parentName ? `${s(r.parentName)} / ${s(r.name)}` : s(r.name)),
  },
  training: { list: 'training.list', get: 'training.get', label: (r) => s(r.name), hint: (r) => s(r.startDate) },
} satisfies Record<string, RefSource>;

export type RefSourceKey = keyof typeof REF_SOURCES;

/** Filter and field keys that hold an id, and what they point at. */
export const ID_KEYS: Record<string, RefSourceKey> = {
  townshipId: 'township',
  villageId: 'village',
  supervisorId: 'person',
  personId: 'person',
  agencyId: 'agency',
  contractId: 'contract',
  budgetItemId: 'budgetItem',
  categoryId: 'budgetItem',
  parentId: 'budgetItem',
  sessionId: 'training',
  trainingId: 'training',
};

const labels = new Map<string, string>();
const key = (source: RefSourceKey, id: number) => `${source}:${id}`;

export const cachedLabel = (source: RefSourceKey, id: number) => labels.get(key(source, id));
export function rememberLabel(source: RefSourceKey, id: number, label: string): void {
  labels.set(key(source, id), label);
}

export async function fetchLabel(source: RefSourceKey, id: number): Promise<string> {
  const hit = cachedLabel(source, id);
  if (hit !== undefined) return hit;
  const src: RefSource = REF_SOURCES[source];
  const r = await callByName(src.get, { id });
  const label = r.ok ? src.label(r.data as Rec) : `（编号 ${id} 已不存在）`;
  rememberLabel(source, id, label);
  return label;
}

export interface RefOption {
  value: number;
  label: string;
  hint: string;
}

export async function searchRefs(source: RefSourceKey, q: string, filters?: Rec): Promise<RefOption[]> {
  const src: RefSource = REF_SOURCES[source];
  const r = await callByName(src.list, { q: q.trim() || undefined, filters, page: 1, pageSize: 50 });
  if (!r.ok) return [];
  return (r.data as { rows: Rec[] }).rows.map((row) => {
    const option = { value: Number(row.id), label: src.label(row), hint: src.hint?.(row) ?? '' };
    rememberLabel(source, option.value, option.label);
    return option;
  });
}
