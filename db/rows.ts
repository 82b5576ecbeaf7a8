// Rows come out of SQLite in snake_case and go into the API in camelCase; one mapping for all.

export const toSnake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const toCamel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export interface ColumnKinds {
  json?: readonly string[];
  bools?: readonly string[];
}

/** Column name → API key, converted once: a page of 50 people has 2 500 of them. */
const camelKeys = new Map<string, string>();
function camelKey(col: string): string {
  let key = camelKeys.get(col);
  if (key === undefined) camelKeys.set(col, (key = toCamel(col)));
  return key;
}

/** SQLite row → API record: camelCase keys, JSON columns parsed, 0/1 columns as booleans. */
export function fromRow(row: Record<string, unknown>, kinds: ColumnKinds = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const col in row) {
    const value = row[col];
    const key = camelKey(col);
    if (kinds.json?.includes(key)) out[key] = value == null ? null : JSON.parse(String(value));
    else if (kinds.bools?.includes(key)) out[key] = value == null ? null : value === 1;
    else out[key] = value;
  }
  return out;
}

/** API values → bind parameters for the given fields (JSON and booleans encoded). */
export function toParams(values: Record<string, unknown>, kinds: ColumnKinds = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (kinds.json?.includes(key)) out[key] = value == null ? null : JSON.stringify(value);
    else if (typeof value === 'boolean') out[key] = value ? 1 : 0;
    else out[key] = value;
  }
  return out;
}
