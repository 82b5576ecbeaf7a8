// The office's key from its 恢复码 (docs/encryption.md): scrypt of the 32 digits with a fixed salt,
// so the same code gives the same key on every PC. Derived off the main thread and one at a time,
// in the same queue as password hashes (backend/passwords.ts): each derivation takes a core and
// 128 MB. A derived key is kept in memory per code, so repeated unlocks and a restore right after
// encrypting pay the ~0.4 s once.
import { createHash } from 'node:crypto';
import { normalizeRecoveryCode } from '../core/recoveryCode';
import { KEY_BYTES, type CipherKey } from '../db/cipher';
import { derive } from './passwords';

/** Fixed by design: the key must be the same on every PC, so no setting or test knob changes these. */
const SALT = Buffer.from('CensusDesk-恢复码-v1', 'utf8');
const N = 1 << 17;
const R = 8;
const P = 1;
const MAXMEM = 128 * N * R * P + 16 * 1024 * 1024;

/** Codes whose key is kept (a handful are ever typed in one process). */
const CACHED = 16;
const cache = new Map<string, Promise<CipherKey>>();

/** The key of a well-formed 恢复码 (any spelling: dashes, spaces, full-width digits). */
export function deriveKey(code: string): Promise<CipherKey> {
  const digits = normalizeRecoveryCode(code);
  const hit = cache.get(digits);
  if (hit) {
    // Most recently used last, so the oldest is the one dropped.
    cache.delete(digits);
    cache.set(digits, hit);
    return hit;
  }
  const key = derive(digits, SALT, KEY_BYTES, { N, r: R, p: P, maxmem: MAXMEM });
  cache.set(digits, key);
  key.catch(() => cache.delete(digits));
  while (cache.size > CACHED) cache.delete(cache.keys().next().value as string);
  return key;
}

/** Names a key without revealing it: the first 8 hex digits of SHA-256("key-id" ‖ key). */
export function keyIdOf(key: CipherKey): string {
  return createHash('sha256').update('key-id').update(key).digest('hex').slice(0, 8);
}

/** Whether two keys are the same (constant time is not needed: both are ours, not typed). */
export const sameKey = (a: CipherKey | null, b: CipherKey | null) => a !== null && b !== null && a.equals(b);
