/**
 * The decision every HTTP request and WebSocket upgrade goes through before
 * anything answers it: is it addressed to us, does it come from our own
 * page, does it carry the access token.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { accessCookie, accessTokenMatcher, headerTokens, TOKEN_QUERY_PARAMETER } from './access-token.js';
import { isSameOriginOrNone, loopbackHostGuard } from './request-origin.js';

export type GateVerdict =
  | { kind: 'admit' }
  /** The token came in the URL: keep it in a cookie and send the browser to the same place without it. */
  | { kind: 'redirect'; location: string; cookie: string }
  | { kind: 'refuse'; status: 401 | 403; message: string };

export interface GateRequest {
  url: URL;
  headers: IncomingHttpHeaders;
  /** Page navigations may bring the token in the URL; socket.io transports and other methods may not. */
  tokenInUrlAllowed: boolean;
}

export interface AccessGateOptions {
  accessToken: string;
  listeningHost: string;
  /** Reachable from other devices: any Host name is theirs to use. */
  lan: boolean;
}

const refusals = {
  token: { kind: 'refuse', status: 401, message: 'unauthorized: open the address `livecue serve` printed (it carries ?token=)' },
  host: { kind: 'refuse', status: 403, message: 'forbidden: this server answers to 127.0.0.1 and localhost only (see --lan)' },
  origin: { kind: 'refuse', status: 403, message: 'forbidden: a request from another site' },
} as const satisfies Record<string, GateVerdict>;

export function accessGate(options: AccessGateOptions): (request: GateRequest) => GateVerdict {
  const isAccessToken = accessTokenMatcher(options.accessToken);
  const isOurHost = options.lan ? () => true : loopbackHostGuard(options.listeningHost);
  return ({ url, headers, tokenInUrlAllowed }) => {
    if (!isOurHost(headers)) return refusals.host;
    if (!isSameOriginOrNone(headers)) return refusals.origin;
    const urlToken = url.searchParams.get(TOKEN_QUERY_PARAMETER);
    if (urlToken !== null && tokenInUrlAllowed) {
      if (!isAccessToken(urlToken)) return refusals.token;
      return { kind: 'redirect', location: withoutToken(url), cookie: accessCookie(options.accessToken) };
    }
    return headerTokens(headers).some(isAccessToken) ? { kind: 'admit' } : refusals.token;
  };
}

/** The same path and query minus the token, as a path (never `//host`, which a browser would read as another site). */
function withoutToken(url: URL): string {
  const query = new URLSearchParams(url.searchParams);
  query.delete(TOKEN_QUERY_PARAMETER);
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return `${url.pathname.replace(/^\/+/, '/')}${search}`;
}
