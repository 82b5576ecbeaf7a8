// Long work on the request thread (a sliced commit, an import's check) runs in slices and gives the
// event loop a whole turn between them, so other requests are answered meanwhile (issue #18).

/** How long the request thread works on a sliced task before it lets other requests in. */
export const SLICE_MS = 10;

const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A whole turn of the event loop, whatever phase calls it. From an immediate one setImmediate is
 * enough (timers and the I/O poll come before the next immediates); from anything else (a worker's
 * message, a request's I/O callback) the first one runs in the same turn, before them: two.
 */
export async function fullTurn(): Promise<void> {
  await immediate();
  await immediate();
}

/** A turn for others from work that resumed from an immediate (every yield after the first). */
export const nextTurn = immediate;
