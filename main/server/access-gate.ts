/**
 * The decision every HTTP request and WebSocket upgrade goes through before
 * anything answers it: is it addressed to us, does it come from our own
 * page, who does its secret say it is — and has its address been guessing.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { accessCookie, accessCookieName, DEVICE_COOKIE_MAX_AGE_SECONDS, headerTokens, TOKEN_QUERY_PARAMETER, type CookieScope } from './access-token.js';
import { ACCESS_TOKEN_PRINCIPAL, type DeviceDirectory, type Principal } from './device-directory.js';
import type { FailureThrottle } from './failure-throttle.js';
import { isSameOriginOrNone, loopbackHostGuard } from './request-origin.js';

/** A pairing link's query parameter: `/obs/card?pair=CODE`. */
export const PAIR_QUERY_PARAMETER = 'pair';

export type GateVerdict =
  | { kind: 'admit'; principal: Principal }
  /** A secret came in the URL: keep the token in a cookie (when there is a new one) and send the browser to the same place without it. */
  | { kind: 'redirect'; location: string; cookie?: string }
  | { kind: 'refuse'; status: 401 | 403 | 429; message: string };

export interface GateRequest {
  url: URL;
  headers: IncomingHttpHeaders;
  /** The peer's address (the TCP connection's, not a header): what the throttle counts by. */
  address: string;
  /** Page navigations may bring a secret in the URL; socket.io transports and other methods may not. */
  secretInUrlAllowed: boolean;
}

export interface AccessGateOptions {
  directory: DeviceDirectory;
  throttle: FailureThrottle;
  cookie: CookieScope;
  listeningHost: string;
  /** Reachable from other devices: any Host name is theirs to use. */
  lan: boolean;
  /** Told of every wrong secret, never the secret itself. */
  onFailure?: (failure: { address: string; kind: 'token' | 'pairing code'; blocked: boolean }) => void;
}

const refusals = {
  token: { kind: 'refuse', status: 401, message: 'unauthorized: open the address `livecue serve` printed, or a pairing link from Settings → 设备与访问' },
  pairing: { kind: 'refuse', status: 401, message: 'unauthorized: this pairing link was used already or has expired; ask for a new one' },
  host: { kind: 'refuse', status: 403, message: 'forbidden: this server answers to 127.0.0.1 and localhost only (see --lan)' },
  origin: { kind: 'refuse', status: 403, message: 'forbidden: a request from another site' },
  throttled: { kind: 'refuse', status: 429, message: 'too many wrong tokens or pairing codes from this address: try again in a minute' },
} as const satisfies Record<string, GateVerdict>;

export function accessGate(options: AccessGateOptions): (request: GateRequest) => GateVerdict {
  const { directory, throttle } = options;
  const cookieName = accessCookieName(options.cookie);
  const isOurHost = options.lan ? () => true : loopbackHostGuard(options.listeningHost);
  const failed = (address: string, secret: string, kind: 'token' | 'pairing code', refusal: GateVerdict): GateVerdict => {
    const blocked = throttle.fail(address, secret);
    options.onFailure?.({ address, kind, blocked });
    return blocked ? refusals.throttled : refusal;
  };

  return ({ url, headers, address, secretInUrlAllowed }) => {
    if (!isOurHost(headers)) return refusals.host;
    if (!isSameOriginOrNone(headers)) return refusals.origin;
    if (throttle.blocked(address)) return refusals.throttled;

    const presented = headerTokens(headers, cookieName);
    const admitted = (): Principal | null => {
      for (const token of presented) {
        const principal = directory.authenticate(token);
        if (principal !== null) return principal;
      }
      return null;
    };

    const code = url.searchParams.get(PAIR_QUERY_PARAMETER);
    if (code !== null && secretInUrlAllowed) {
      // A fresh code is exchanged even beside a good cookie: a new link may pair this browser anew (a view device made control).
      const paired = directory.pair(code);
      const location = without(url, PAIR_QUERY_PARAMETER);
      if (paired !== null) return { kind: 'redirect', location, cookie: accessCookie(paired.token, options.cookie, DEVICE_COOKIE_MAX_AGE_SECONDS) };
      // OBS reloads its scene's source URL, spent code and all, at every start: the cookie that code gave is what counts.
      // The spent code is still counted (silently: the same code again counts once), so a paired device cannot guess codes freely.
      const principal = admitted();
      if (principal === null) return failed(address, code, 'pairing code', refusals.pairing);
      if (throttle.fail(address, code)) {
        options.onFailure?.({ address, kind: 'pairing code', blocked: true });
        return refusals.throttled;
      }
      directory.seen(principal);
      return { kind: 'redirect', location };
    }
    const urlToken = url.searchParams.get(TOKEN_QUERY_PARAMETER);
    if (urlToken !== null && secretInUrlAllowed) {
      // Only the --access-token travels in a URL (scripts, the printed addresses); a device's token never does.
      if (directory.authenticate(urlToken)?.name !== ACCESS_TOKEN_PRINCIPAL) return failed(address, urlToken, 'token', refusals.token);
      return { kind: 'redirect', location: without(url, TOKEN_QUERY_PARAMETER), cookie: accessCookie(urlToken, options.cookie) };
    }

    const principal = admitted();
    if (principal !== null) {
      directory.seen(principal);
      return { kind: 'admit', principal };
    }
    const [wrong] = presented;
    return wrong === undefined ? refusals.token : failed(address, wrong, 'token', refusals.token);
  };
}

/** The same path and query minus the secret, as a path (never `//host`, which a browser would read as another site). */
function without(url: URL, parameter: string): string {
  const query = new URLSearchParams(url.searchParams);
  query.delete(parameter);
  const search = query.size > 0 ? `?${query.toString()}` : '';
  return `${url.pathname.replace(/^\/+/, '/')}${search}`;
}
