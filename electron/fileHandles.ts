// Paths the page may hand the backend: only what a dialog of this shell answered. The save and
// open dialogs give the page a one-time handle (`cdfile:<random>`) in place of the path; a call
// naming a file (an input field `savePath` or `path`) must carry such a handle, issued to the same
// window within the last ten minutes, which the API channel swaps for the path before the backend
// sees the call. A page (or a script injected into it) can thus write or read only the files the
// clerk chose in a dialog, never a path it made up.
import { randomBytes } from 'node:crypto';

export type HandleKind = 'save' | 'open';

/** The input fields that name a file on this computer, and the dialog each must come from. */
export const PATH_FIELDS: Record<string, HandleKind | 'any'> = { savePath: 'save', path: 'any' };

const PREFIX = 'cdfile:';
const TTL_MS = 10 * 60_000;

interface Held {
  owner: number;
  path: string;
  kind: HandleKind;
  expires: number;
}

export const PATH_REFUSED = '文件位置无效或已过期：请重新在对话框中选择保存位置或文件';

export class FileHandles {
  private readonly held = new Map<string, Held>();

  constructor(private readonly now: () => number = Date.now) {}

  /** A handle for `path`, chosen in a dialog of the window `owner`. */
  issue(owner: number, path: string, kind: HandleKind): string {
    const now = this.now();
    for (const [h, v] of this.held) if (v.expires <= now) this.held.delete(h);
    const handle = PREFIX + randomBytes(24).toString('hex');
    this.held.set(handle, { owner, path, kind, expires: now + TTL_MS });
    return handle;
  }

  /**
   * The call's input with each file field's handle replaced by its path (used up), or a refusal: a
   * raw path, an unknown, expired or foreign handle, or one from the wrong kind of dialog.
   */
  resolve(owner: number, input: unknown): { ok: true; input: unknown } | { ok: false; message: string } {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) return { ok: true, input };
    const out = { ...(input as Record<string, unknown>) };
    const used: string[] = [];
    for (const [field, want] of Object.entries(PATH_FIELDS)) {
      const value = out[field];
      if (value === undefined || value === null) continue;
      const h = typeof value === 'string' ? this.held.get(value) : undefined;
      if (!h || h.owner !== owner || h.expires <= this.now() || (want !== 'any' && h.kind !== want))
        return { ok: false, message: PATH_REFUSED };
      out[field] = h.path;
      used.push(value as string);
    }
    for (const h of used) this.held.delete(h);
    return { ok: true, input: out };
  }
}
