// What keeps other local programs and web pages out of browser mode: any of them can reach
// 127.0.0.1, so every request must name our host (DNS-rebinding guard), come from our own origin
// if it says where it comes from, and API calls must carry the per-launch secret token.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** The same policy the desktop window gets. antd writes inline styles, so style-src allows them. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const TOKEN_HEADER = 'x-censusdesk-token';
export const SESSION_HEADER = 'x-censusdesk-session';

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
}

export const newToken = () => randomBytes(32).toString('hex');

/** Hashing first gives equal lengths, so the comparison time says nothing about the token. */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string' || given === '') return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

const ownHosts = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];

export function hostAllowed(host: string | undefined, port: number): boolean {
  return typeof host === 'string' && ownHosts(port).includes(host.toLowerCase());
}

/** Absent is fine (plain navigation, same-origin GET); present must be one of our own origins. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return ownHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}
