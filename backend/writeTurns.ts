// Whose turn it is on the writer connection. A write sliced over many turns of the event loop (a
// 20k re-import's commit: one transaction, yielding between slices) holds the connection alone for
// its whole length: nothing else may run on it meanwhile, or it would write into, or read the half
// of, that transaction. Everything else that uses the writer connection across awaits — a write
// (its prepare phase and its transaction), a data swap, a check an import keeps for its commit —
// shares it: those run as they always have, side by side, and only never alongside a sliced write.
// Plain reads take no turn at all: during a sliced write they read on a read-only connection of
// their own (backend/readConnection.ts). First come, first served: a sliced write waiting for the
// shared users to finish holds back the ones that come after it, so it is never starved.

interface Waiter {
  exclusive: boolean;
  go: () => void;
}

export class WriteTurns {
  private sharing = 0;
  private alone = false;
  private waiting: Waiter[] = [];

  /** Whether a sliced write holds the connection now. */
  get exclusive(): boolean {
    return this.alone;
  }

  /** A shared turn: at once unless a sliced write holds the connection or waits for it. Returns the release. */
  share(): Promise<() => void> | (() => void) {
    if (!this.alone && !this.waiting.length) {
      this.sharing++;
      return this.releaser(false);
    }
    return new Promise((resolve) => this.waiting.push({ exclusive: false, go: () => resolve(this.releaser(false)) }));
  }

  /** The connection alone, once every shared turn taken before has ended. Returns the release. */
  take(): Promise<() => void> {
    if (!this.alone && !this.sharing && !this.waiting.length) {
      this.alone = true;
      return Promise.resolve(this.releaser(true));
    }
    return new Promise((resolve) => this.waiting.push({ exclusive: true, go: () => resolve(this.releaser(true)) }));
  }

  private releaser(exclusive: boolean): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (exclusive) this.alone = false;
      else this.sharing--;
      this.next();
    };
  }

  /** Lets in, in order, whoever may go now: shared turns up to the next sliced write, or that write alone. */
  private next() {
    while (this.waiting.length && !this.alone) {
      const first = this.waiting[0];
      if (first.exclusive) {
        if (this.sharing) return;
        this.waiting.shift();
        this.alone = true;
        first.go();
        return;
      }
      this.waiting.shift();
      this.sharing++;
      first.go();
    }
  }
}
