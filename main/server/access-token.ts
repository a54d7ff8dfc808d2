/**
 * The web host's one credential: a random access token printed on start.
 * A browser presents it once in the URL and then in an HttpOnly cookie;
 * other clients send it as a Bearer header or in the socket.io handshake.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';

export const ACCESS_COOKIE = 'livecue_token';
export const TOKEN_QUERY_PARAMETER = 'token';

/** It travels in URLs and a cookie, so URL-safe characters only; and long enough not to be guessed. */
export const accessTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9._~-]+$/, 'use letters, digits and . _ ~ - only')
  .min(16, 'must be at least 16 characters')
  .max(256, 'must be at most 256 characters');

export function generateAccessToken(): string {
  return randomBytes(32).toString('hex');
}

/** `Set-Cookie` value that admits a browser from now on; JavaScript cannot read it and no other site can send it. */
export const accessCookie = (token: string): string => `${ACCESS_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;

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
export function cookieTokens(cookieHeader: string | undefined): string[] {
  if (cookieHeader === undefined) return [];
  return cookieHeader.split(';').flatMap((pair) => {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== ACCESS_COOKIE) return [];
    return [pair.slice(separator + 1).trim()];
  });
}

export function bearerToken(authorizationHeader: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader ?? '');
  return match?.[1];
}

/** The tokens a request carries in its headers (cookie and Authorization), in no particular order. */
export function headerTokens(headers: IncomingHttpHeaders): string[] {
  const bearer = bearerToken(headers.authorization);
  return bearer === undefined ? cookieTokens(headers.cookie) : [...cookieTokens(headers.cookie), bearer];
}
