// The outcome of every validator/parser: a normalised value (maybe with a
// warning the clerk should see) or one Chinese message naming field and fault.
export type Check<T> = { ok: true; value: T; warning?: string } | { ok: false; message: string };

export function ok<T>(value: T, warning?: string): Check<T> {
  return warning === undefined ? { ok: true, value } : { ok: true, value, warning };
}

export function fail<T = never>(message: string): Check<T> {
  return { ok: false, message };
}
