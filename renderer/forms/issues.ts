// Validation messages by field path ("idNumber", "rows.2.score"), from a zod parse in the form or
// from the backend's error.issues — the same messages either way.
import type { z } from 'zod';
import type { ApiError } from '../../core/api';

export type Issues = Record<string, string>;

const issueText = (i: z.core.$ZodIssue) =>
  i.code === 'unrecognized_keys' ? `无法识别的字段：${i.keys.join('、')}` : i.message;

export function zodIssues(error: z.ZodError): Issues {
  const out: Issues = {};
  for (const i of error.issues) {
    const path = i.path.map(String).join('.');
    out[path] ??= issueText(i);
  }
  return out;
}

/** The backend's issues, optionally only those under `prefix` (e.g. "office."), re-rooted. */
export function apiIssues(error: ApiError, prefix = ''): Issues {
  const out: Issues = {};
  for (const i of error.issues) {
    if (!i.path.startsWith(prefix)) continue;
    out[i.path.slice(prefix.length)] ??= i.message;
  }
  return out;
}

/** The message for a field: its own path or anything under it (a list field's items). */
export function issueFor(issues: Issues, name: string): string | undefined {
  if (issues[name]) return issues[name];
  const nested = Object.keys(issues).find((k) => k.startsWith(`${name}.`));
  return nested ? issues[nested] : undefined;
}
