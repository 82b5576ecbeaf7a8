// A form's state, validated with the backend's own zod schema on every change (messages appear on
// fields the clerk has touched) and in full on save. Backend refusals land on the field they
// name; the rest become the form's message.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import type { ApiError } from '../../core/api';
import { apiIssues, issueFor, zodIssues, type Issues } from './issues';

export type Values = Record<string, unknown>;

export interface SchemaForm {
  values: Values;
  setValue: (name: string, value: unknown, localError?: string) => void;
  /** The message to show next to a field, if any. */
  errorOf: (name: string) => string | undefined;
  /** The message for one exact path inside a list field (`lines.2.quantity`), if any. */
  errorAt: (path: string) => string | undefined;
  formError: string | null;
  dirty: boolean;
  /** Parses everything; shows every message when it fails. */
  validate: () => { ok: true; data: Values } | { ok: false };
  applyServerError: (error: ApiError, prefix?: string) => void;
  reset: (values: Values) => void;
}

export interface SchemaFormOptions {
  /** Values left out of parsing and saving (a masked ID the clerk did not retype). */
  skip?: (name: string, value: unknown) => boolean;
}

export function useSchemaForm(
  schema: z.ZodType,
  names: string[],
  initial: Values,
  options: SchemaFormOptions = {},
): SchemaForm {
  const skip = options.skip;
  /** Only the schema's own keys go to the parser (the API refuses unknown ones). */
  const pick = (values: Values, keys: string[]) =>
    Object.fromEntries(keys.filter((n) => values[n] !== undefined && !skip?.(n, values[n])).map((n) => [n, values[n]]));
  const [values, setValues] = useState<Values>(initial);
  const baseline = useRef(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [server, setServer] = useState<Issues>({});
  const [local, setLocal] = useState<Issues>({});
  const [formError, setFormError] = useState<string | null>(null);
  const namesKey = names.join(',');

  const fieldNames = useMemo(() => namesKey.split(',').filter(Boolean), [namesKey]);
  const parsed = useMemo(() => schema.safeParse(pick(values, fieldNames)), [schema, values, fieldNames]);
  const client = useMemo(() => (parsed.success ? {} : zodIssues(parsed.error)), [parsed]);

  const setValue = useCallback((name: string, value: unknown, localError?: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setTouched((t) => (t.has(name) ? t : new Set(t).add(name)));
    setServer((s) => (s[name] ? Object.fromEntries(Object.entries(s).filter(([k]) => k !== name)) : s));
    setLocal((l) => {
      if (localError) return { ...l, [name]: localError };
      if (!l[name]) return l;
      return Object.fromEntries(Object.entries(l).filter(([k]) => k !== name));
    });
  }, []);

  const errorOf = (name: string) =>
    local[name] ?? issueFor(server, name) ?? (showAll || touched.has(name) ? issueFor(client, name) : undefined);

  const errorAt = (path: string) => {
    const root = path.split('.')[0];
    return server[path] ?? (showAll || touched.has(root) ? client[path] : undefined);
  };

  const dirty = names.some((n) => JSON.stringify(values[n] ?? null) !== JSON.stringify(baseline.current[n] ?? null));

  return {
    values,
    setValue,
    errorOf,
    errorAt,
    formError,
    dirty,
    validate: () => {
      setShowAll(true);
      setFormError(null);
      if (Object.keys(local).length) return { ok: false };
      if (!parsed.success) {
        const root = client[''];
        if (root) setFormError(root);
        return { ok: false };
      }
      return { ok: true, data: pick(values, names) };
    },
    applyServerError: (error, prefix = '') => {
      const issues = apiIssues(error, prefix);
      setServer(issues);
      const placed = Object.keys(issues).some((path) => names.some((n) => path === n || path.startsWith(`${n}.`)));
      setFormError(placed ? null : error.message);
    },
    reset: (next) => {
      baseline.current = next;
      setValues(next);
      setTouched(new Set());
      setShowAll(false);
      setServer({});
      setLocal({});
      setFormError(null);
    },
  };
}
