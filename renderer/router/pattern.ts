// Path patterns of the route table: literal segments and `:name` parameters. A parameter named
// `id` or ending in `Id` is a positive integer; others may be limited to a list of values. Pure, so
// it is tested alone.

export type Params = Record<string, string>;
/** Values a named parameter may take (any text when not listed). */
export type Allowed = Readonly<Record<string, readonly string[]>>;

const ID = /^[1-9]\d*$/;
const isIdParam = (name: string) => name === 'id' || name.endsWith('Id');
const segments = (pattern: string) => pattern.split('/').filter(Boolean);

/** The parameters when `path` fits `pattern` exactly, else null. */
export function matchPattern(pattern: string, path: readonly string[], allowed: Allowed = {}): Params | null {
  const parts = segments(pattern);
  if (parts.length !== path.length) return null;
  const params: Params = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const value = path[i];
    if (!part.startsWith(':')) {
      if (part !== value) return null;
      continue;
    }
    const name = part.slice(1);
    if (isIdParam(name) && !ID.test(value)) return null;
    if (allowed[name] && !allowed[name].includes(value)) return null;
    params[name] = value;
  }
  return params;
}

/** The path a pattern names with these parameters: `/training/:id/import` + {id: 7} → `/training/7/import`. */
export function fillPattern(pattern: string, params: Record<string, string | number>): string {
  return `/${segments(pattern)
    .map((part) => (part.startsWith(':') ? encodeURIComponent(String(params[part.slice(1)])) : part))
    .join('/')}`;
}
