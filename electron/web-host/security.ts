import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookieName = (port: number) => `tessera_token_${port}`;

/**
 * Decides whether a request may reach the web host: it must carry the per-launch token
 * (query `token` or the cookie set on first page load), and its Host and any Origin
 * must be this host's own loopback address (no DNS rebinding, no cross-site calls).
 * @returns null when allowed, else the reason for a 403
 */
export function refuseReason(req: IncomingMessage, port: number, token: string): string | null {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return 'unexpected Host header';
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return 'cross-origin request';
  const supplied = tokenOf(req, port);
  if (supplied === null || !sameSecret(supplied, token)) return 'missing or wrong token';
  return null;
}

/** The token in the query string, else in the cookie. */
export function tokenOf(req: IncomingMessage, port: number): string | null {
  const url = new URL(req.url ?? '/', 'http://placeholder');
  const fromQuery = url.searchParams.get('token');
  if (fromQuery) return fromQuery;
  const cookie = req.headers.cookie ?? '';
  const name = tokenCookieName(port);
  for (const part of cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
