// Operator passwords: scrypt with a random salt; the parameters travel inside the stored string
// (`scrypt$N$r$p$salt$hash`, base64) so they can be raised later without breaking old hashes (a
// weaker stored hash is replaced at the next successful login). Hashing runs off the main thread
// (node's crypto.scrypt, in libuv's pool) so a guessing flood cannot stall everyone else's calls;
// one at a time (MAX_PARALLEL), since each takes a core and 128·N·r bytes (128 MB at N = 2^17).
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** Current guidance (OWASP: N = 2^17, r = 8, p = 1). */
const N = 1 << 17;
/** The lowest cost a test run may ask for (see currentN). */
const MIN_TEST_N = 1 << 10;
const R = 8;
const P = 1;
const KEY_LEN = 32;
const SALT_LEN = 16;
/** Upper bounds accepted from a stored hash, so a tampered row cannot make a login take minutes. */
const MAX_N = 1 << 20;
const MAX_R = 16;
const MAX_P = 4;
/** Hashes computed at once (the rest wait their turn): one core stays free for every other call on a 2-core office PC, and memory stays at 128 MB. */
const MAX_PARALLEL = 1;

const maxmem = (n: number, r: number, p: number) => 128 * n * r * p + 16 * 1024 * 1024;

/**
 * The cost of new hashes. Test runs only (NODE_ENV=test, which vitest sets and the e2e server
 * fixture passes) may lower it with CENSUSDESK_TEST_SCRYPT_N, a power of two from 2^10: the suites
 * make hundreds of hashes. Anywhere else the variable is ignored, so nothing lowers it silently.
 */
function currentN(): number {
  if (process.env.NODE_ENV !== 'test') return N;
  const n = Number(process.env.CENSUSDESK_TEST_SCRYPT_N);
  return Number.isInteger(n) && n >= MIN_TEST_N && n < N && (n & (n - 1)) === 0 ? n : N;
}

let running = 0;
const queue: (() => void)[] = [];

/** scrypt on libuv's pool, at most MAX_PARALLEL at a time (also the 恢复码's key: backend/recoveryKey.ts). */
export async function derive(password: string, salt: Buffer, len: number, o: ScryptOptions): Promise<Buffer> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => queue.push(resolve));
  running++;
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      scrypt(password.normalize('NFC'), salt, len, o, (e, key) => (e ? reject(e) : resolve(key))),
    );
  } finally {
    running--;
    queue.shift()?.();
  }
}

export async function hashPassword(password: string): Promise<string> {
  const n = currentN();
  const salt = randomBytes(SALT_LEN);
  const key = await derive(password, salt, KEY_LEN, { N: n, r: R, p: P, maxmem: maxmem(n, R, P) });
  return ['scrypt', n, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

interface Parsed {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  const powerOfTwo = Number.isInteger(n) && n > 1 && (n & (n - 1)) === 0;
  if (
    !powerOfTwo ||
    n > MAX_N ||
    !Number.isInteger(r) ||
    r < 1 ||
    r > MAX_R ||
    !Number.isInteger(p) ||
    p < 1 ||
    p > MAX_P
  )
    return null;
  const salt = Buffer.from(parts[4], 'base64');
  const key = Buffer.from(parts[5], 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { n, r, p, salt, key };
}

/** Constant-time comparison; a malformed stored string simply does not match. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h) return false;
  const key = await derive(password, h.salt, h.key.length, { N: h.n, r: h.r, p: h.p, maxmem: maxmem(h.n, h.r, h.p) });
  return timingSafeEqual(key, h.key);
}

/** True when the stored hash uses weaker parameters than today's: rehash it at the next login. */
export function needsRehash(stored: string): boolean {
  const h = parse(stored);
  return !h || h.n < currentN() || h.r < R || h.p < P || h.key.length < KEY_LEN;
}

let dummy: { n: number; hash: Promise<string> } | undefined;
/**
 * Spends the same work as a real check when the user name is unknown, so the response time does
 * not tell an attacker which names exist.
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  if (dummy?.n !== currentN()) dummy = { n: currentN(), hash: hashPassword(randomBytes(16).toString('hex')) };
  await verifyPassword(password, await dummy.hash);
}
