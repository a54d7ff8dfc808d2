/**
 * The web host's credentials: the access token printed on start (control, for
 * the host and scripts) and the devices' own tokens. A browser holds one in an
 * HttpOnly cookie named for the port; other clients send it as a Bearer header
 * or in the socket.io handshake.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';

export const TOKEN_QUERY_PARAMETER = 'token';

/**
 * It travels in URLs and a cookie, so URL-safe characters only; and long
 * enough not to be guessed: 32 characters of a chosen token, while the
 * generated ones carry 256 random bits.
 */
export const accessTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9._~-]+$/, 'use letters, digits and . _ ~ - only')
  .min(32, 'must be at least 32 characters')
  .max(256, 'must be at most 256 characters');

export function generateAccessToken(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Where a browser keeps its token for the server on `port`. Cookies are not
 * bound to ports, so the name is: another server on 127.0.0.1 is never sent
 * this one's token, and two LiveCue hosts on one machine keep theirs apart.
 * Under TLS the `__Host-` prefix makes the browser refuse it over plain HTTP.
 */
export interface CookieScope {
  port: number;
  secure: boolean;
}

export const accessCookieName = ({ port, secure }: CookieScope): string => `${secure ? '__Host-' : ''}livecue_token_${port}`;

/**
 * How long a paired device's cookie lasts: 400 days, the most a browser keeps
 * one. A session cookie would be gone when the phone's browser or OBS
 * restarts, and the pairing link that made it works only once; revoking the
 * device is what ends it early.
 */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

/**
 * `Set-Cookie` value that admits a browser from now on; JavaScript cannot read
 * it and no other site can send it. Without `maxAgeSeconds` it lasts as long
 * as the browser session (the access token, which a new `livecue serve` may
 * replace, is printed again at every start).
 */
export const accessCookie = (token: string, scope: CookieScope, maxAgeSeconds?: number): string =>
  `${accessCookieName(scope)}=${token}; HttpOnly; SameSite=Strict; Path=/` +
  `${maxAgeSeconds === undefined ? '' : `; Max-Age=${maxAgeSeconds}`}${scope.secure ? '; Secure' : ''}`;

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * A predicate saying whether a presented token is the access token.
 * Digests are compared, not the strings: equal lengths let timingSafeEqual
 * run, and neither the token's content nor its length leaks through timing.
 */
export function accessTokenMatcher(accessToken: string): (candidate: string) => boolean {
  const expected = digest(accessToken);
  return (candidate) => timingSafeEqual(digest(candidate), expected);
}

/** Every value of the access cookie: a browser sends several when older ones linger under other paths. */
export function cookieTokens(cookieHeader: string | undefined, cookieName: string): string[] {
  if (cookieHeader === undefined) return [];
  return cookieHeader.split(';').flatMap((pair) => {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== cookieName) return [];
    return [pair.slice(separator + 1).trim()];
  });
}

export function bearerToken(authorizationHeader: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader ?? '');
  return match?.[1];
}

/** The tokens a request carries in its headers (cookie and Authorization), in no particular order. */
export function headerTokens(headers: IncomingHttpHeaders, cookieName: string): string[] {
  const bearer = bearerToken(headers.authorization);
  const cookies = cookieTokens(headers.cookie, cookieName);
  return bearer === undefined ? cookies : [...cookies, bearer];
}
