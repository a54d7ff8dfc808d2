/**
 * Who a request is for and where it comes from. A page on another site can
 * point its own host name at 127.0.0.1 (DNS rebinding) or call this server
 * from the user's browser; the Host and Origin headers give both away.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** The host name (without port) of a Host header value, or null when it is not a plain `host[:port]`. */
function hostnameOf(hostHeader: string): string | null {
  if (/[/?#@\\\s]/.test(hostHeader)) return null;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return null;
  }
}

/**
 * A Host-header check for a server reachable only from this machine: its
 * listening address and the loopback names are accepted, anything else
 * (a rebound DNS name) is not.
 */
export function loopbackHostGuard(listeningHost: string): (headers: IncomingHttpHeaders) => boolean {
  // URL host names write an IPv6 address in brackets.
  const listening = listeningHost.includes(':') ? `[${listeningHost}]` : listeningHost;
  const accepted = new Set(['127.0.0.1', 'localhost', listening.toLowerCase()]);
  return ({ host }) => {
    const hostname = host === undefined ? null : hostnameOf(host);
    return hostname !== null && accepted.has(hostname);
  };
}

/**
 * Browsers send Origin on cross-origin requests and on every WebSocket
 * handshake; it must name the host the request was sent to. A same-origin
 * page load sends none, and neither do non-browser clients.
 */
export function isSameOriginOrNone({ origin, host }: IncomingHttpHeaders): boolean {
  if (origin === undefined) return true;
  if (host === undefined) return false;
  try {
    // The scheme is not compared: a TLS-terminating proxy in front would change it, not the host.
    return new URL(origin).host === host.toLowerCase();
  } catch {
    // "null" (a sandboxed frame, a file:// page) or garbage: never this app.
    return false;
  }
}
