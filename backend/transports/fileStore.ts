// Files held for browser mode between two requests: a download made by a method's answer until the
// browser fetches it, an upload until the call that uses it. Each sits under a random id, belongs
// to the session that made it, is handed out once, and is dropped after a few minutes or when the
// store is over its byte cap (oldest first), so memory stays bounded whatever the browser does.
import { randomBytes } from 'node:crypto';

export const FILE_TTL_MS = 5 * 60 * 1000;

export interface HeldFile {
  bytes: Buffer;
  fileName: string;
  /** The session it belongs to ('' for a caller without one, e.g. first-run setup). */
  session: string;
  at: number;
}

export class FileStore {
  /** Insertion order is age order: the first entry is the oldest. */
  private readonly entries = new Map<string, HeldFile>();
  private bytes = 0;

  constructor(
    private readonly capBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  put(session: string, bytes: Buffer, fileName: string): string {
    this.sweep();
    const id = randomBytes(32).toString('hex');
    this.entries.set(id, { bytes, fileName, session, at: this.now() });
    this.bytes += bytes.length;
    // The newest stays even when it alone is over the cap: it was just made for a waiting caller.
    for (const [old] of this.entries) {
      if (this.bytes <= this.capBytes || old === id) break;
      this.delete(old);
    }
    return id;
  }

  /** The live file under `id`, without handing it out. */
  peek(id: string): HeldFile | null {
    this.sweep();
    return this.entries.get(id) ?? null;
  }

  /** Hands the file out once: it is gone from the store afterwards. */
  take(id: string): HeldFile | null {
    const file = this.peek(id);
    if (file) this.delete(id);
    return file;
  }

  get size(): number {
    return this.entries.size;
  }

  get heldBytes(): number {
    return this.bytes;
  }

  private delete(id: string) {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    this.bytes -= e.bytes.length;
  }

  private sweep() {
    const now = this.now();
    for (const [id, e] of this.entries) {
      if (now - e.at <= FILE_TTL_MS) break;
      this.delete(id);
    }
  }
}
