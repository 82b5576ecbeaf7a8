// The change signal: after every successful write the call wrapper says which entities it wrote
// ("written: person"), and each list store asks again when an entity it shows was written. Which
// methods write comes from the API contract, so no screen reloads a list by hand.
import { api, isMethodName } from '../../core/api';
import type { InputRule, MethodSpec } from '../../core/api/define';

type Listener = (written: ReadonlySet<string>) => void;
const listeners = new Set<Listener>();

/**
 * Whether a call may have changed stored data, from its method's contract entry: its `effect`
 * (none, write, reveals, replacesData), raised by a rule that applies to this input (exporting the
 * monthly report records it as sent).
 */
export function isWrite(method: string, input?: unknown): boolean {
  if (!isMethodName(method)) return false;
  const spec: MethodSpec = api[method];
  if (spec.effect !== 'none') return true;
  return (spec.rules ?? []).some((r) => r.effect && ruleApplies(r, input));
}

/** A rule is written for the parsed input; on the raw one it may fail, and then counts as applying. */
function ruleApplies(rule: InputRule<unknown>, input: unknown): boolean {
  try {
    return rule.applies(input);
  } catch {
    return true;
  }
}

/**
 * The entities a successful write changed: the method's own (`person.leave` → person); a commit of
 * an import, the kind it imported (its answer says which).
 */
export function writtenEntities(method: string, output: unknown): string[] {
  const entity = method.split('.')[0];
  if (method === 'import.commit') {
    const kind = (output as { kind?: unknown } | null)?.kind;
    return typeof kind === 'string' ? [kind] : [entity];
  }
  return [entity];
}

/** Called by the call wrapper after each successful call. */
export function announceCall(method: string, input: unknown, output: unknown): void {
  if (!isWrite(method, input)) return;
  const written = new Set(writtenEntities(method, output));
  for (const fn of [...listeners]) fn(written);
}

/** Runs `fn` after each write of one of `entities`; returns the unsubscribe. */
export function onWritten(entities: readonly string[], fn: () => void): () => void {
  const listener: Listener = (written) => {
    if (entities.some((e) => written.has(e))) fn();
  };
  listeners.add(listener);
  return () => listeners.delete(listener);
}
