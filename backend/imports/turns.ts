// Letting other requests in during a preview's check (issue #18): the check works on the request
// thread in slices of CHECK_SLICE_MS, and between slices the event loop gets a whole turn (its
// timers, then the I/O that arrived: other requests, progress polls, a cancel).
import { fullTurn, nextTurn } from '../eventLoop';
import { CHECK_SLICE_MS } from './limits';
import { cancelledError } from './parse';

/**
 * The request thread's turns during a check: the work goes on for CHECK_SLICE_MS at most (one slow
 * row aside), then the event loop gets a turn, then a cancel is honoured. Sliced by time, not by
 * rows: a row costs 5 µs or 100 µs by kind, by how warm the code is and by the machine's load.
 */
export class Turns {
  private since = performance.now();
  private first = true;
  constructor(private readonly cancelled: () => boolean = () => false) {}

  /** Whether the slice is used up. */
  get due(): boolean {
    return performance.now() - this.since >= CHECK_SLICE_MS;
  }

  /** A turn for others, then a new slice; throws CANCELLED if the check was cancelled meanwhile. */
  async take(): Promise<void> {
    // After the first, the check resumes from an immediate: one is a whole turn.
    if (this.first) await fullTurn();
    else await nextTurn();
    this.first = false;
    if (this.cancelled()) throw cancelledError();
    this.since = performance.now();
  }
}
