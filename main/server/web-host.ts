/**
 * The web host: the built renderer and the app's bridge (socket.io) on one
 * HTTP server, every request and upgrade behind the access gate, each device
 * with its own token and role (docs/SECURITY.md). Loopback only unless `lan`.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { Server as SocketServer } from 'socket.io';
import type { LiveCueApp } from '../app/app.js';
import type { DeviceStore } from '../core/store/devices.js';
import { accessGate, type GateVerdict } from './access-gate.js';
import { DEVICE_LIST_UNAVAILABLE, deviceListTrouble } from './device-list-trouble.js';
import { accessCookieName, accessTokenSchema } from './access-token.js';
import { deviceDirectory } from './device-directory.js';
import { failureThrottle } from './failure-throttle.js';
import { pairingLinkBase } from './pairing-link.js';
import { rateLimiter } from './request-rate.js';
import { MAX_BRIDGE_MESSAGE_BYTES } from '../../shared/api/bridge.js';
import { contentTypeOf } from '../../shared/web/content-types.js';
import { defaultRendererDir, findRendererFile } from './renderer-files.js';
import { setSecurityHeaders } from './security-headers.js';
import { bridgeApp, UI_NAMESPACE } from './socket-bridge.js';
import { catalogUploadRoute } from './catalog-upload.js';

export interface WebHostOptions {
  app: LiveCueApp;
  /** 0 picks a free port. */
  port: number;
  /** The control token for the host's own browser and scripts (`--access-token`). */
  accessToken: string;
  /** The devices that may open it besides (设备与访问); the caller opens and closes it. */
  devices: DeviceStore;
  /** Served over TLS: the access cookie gets `Secure` and the `__Host-` prefix, pairing links say https. */
  secure?: boolean;
  /** Wrong tokens and pairing codes, said without the secret. */
  onWarning?: (message: string) => void;
  /** Listen on every interface (other devices on the network); also lifts the Host-name check. */
  lan?: boolean;
  /** Default: 127.0.0.1, or 0.0.0.0 with `lan`. */
  host?: string;
  /** Default: dist/renderer of this package. */
  rendererDir?: string;
  /** Serve HTTPS with this certificate (main/server/tls-identity.ts) instead of plain HTTP: the port then speaks TLS only, on every address. */
  tls?: { cert: string; key: string };
}

export interface WebHost {
  /** The console's address on this machine, without the token. */
  url: string;
  /** The address the server is bound to. */
  host: string;
  port: number;
  close(): Promise<void>;
}

const SOCKET_PATH = '/socket.io';
/**
 * Bounds what one socket.io message can make the server parse (it parses a
 * message whole before anything judges it). Bridge requests are small (a
 * command, a settings change, a plan); a catalog file has its own HTTP upload
 * with its own limit (catalog-upload.ts).
 */
const MAX_MESSAGE_BYTES = MAX_BRIDGE_MESSAGE_BYTES;
const NOT_BUILT = 'the LiveCue web UI is not built: run `npm run build`, then reload';

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const accessToken = accessTokenSchema.parse(options.accessToken);
  const lan = options.lan ?? false;
  const host = options.host ?? (lan ? '0.0.0.0' : '127.0.0.1');
  const rendererDir = options.rendererDir ?? defaultRendererDir();
  const secure = options.secure ?? options.tls !== undefined;
  const directory = deviceDirectory(options.devices, accessToken);
  const throttle = failureThrottle();
  const portOf = () => (server.address() as AddressInfo).port;
  const warn = (message: string) => options.onWarning?.(message);
  // The same words for a wrong secret at the HTTP gate and in the socket.io handshake: the address, never the secret.
  const onFailure = ({ address, kind, blocked }: { address: string; kind: 'token' | 'pairing code'; blocked: boolean }) =>
    warn(`a wrong ${kind} from ${address}${blocked ? '; that address is refused for a minute' : ''}`);
  const onDeviceListError = (error: unknown) => warn(`${deviceListTrouble(error)}; the request was answered 503`);
  // The cookie's name carries the port, known once listening: the gate is made lazily on the first request.
  let gate: ReturnType<typeof accessGate> | undefined;
  const gateOf = () =>
    (gate ??= accessGate({
      directory,
      throttle,
      cookie: { port: portOf(), secure },
      listeningHost: host,
      lan,
      onFailure,
    }));
  /** The gate's verdict, or null (after answering nothing) when the device list could not be asked. */
  const judge = (request: IncomingMessage, url: URL, secretInUrlAllowed: boolean): GateVerdict | null => {
    try {
      return gateOf()({ url, headers: request.headers, address: request.socket.remoteAddress ?? '', secretInUrlAllowed });
    } catch (error) {
      onDeviceListError(error);
      return null;
    }
  };

  const server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }) : createServer();
  const io = new SocketServer(server, {
    path: SOCKET_PATH,
    serveClient: false,
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
  });
  // socket.io routed its own path to itself when it attached, ahead of any other listener.
  // Take that back: the gate sees every request first and hands socket.io only what it admits.
  server.removeAllListeners('request');
  server.removeAllListeners('upgrade');
  // One bucket per device for its bridge requests and its uploads alike.
  const rate = rateLimiter();
  // A revoked device's bucket (and a renamed one's old name) would otherwise stay for the host's lifetime.
  directory.onCut((name) => rate.forget(name));
  directory.onRenamed((name) => rate.forget(name));
  bridgeApp(io.of(UI_NAMESPACE), options.app, {
    directory,
    throttle,
    rate,
    onFailure,
    onDeviceListError,
    get cookieName() {
      return accessCookieName({ port: portOf(), secure });
    },
    linkBase: (hostHeader) => pairingLinkBase({ hostHeader, port: portOf(), secure, lan }),
    certificateFingerprint: options.tls ? new X509Certificate(options.tls.cert).fingerprint256 : null,
  });

  const catalogUpload = catalogUploadRoute(options.app, { directory, rate });
  const isSocketPath = (url: URL) => url.pathname === SOCKET_PATH || url.pathname.startsWith(`${SOCKET_PATH}/`);

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    setSecurityHeaders(response);
    const url = requestUrl(request);
    if (url === null) return replyPlain(response, 400, 'bad request');
    const socketPath = isSocketPath(url);
    const pageRequest = !socketPath && (request.method === 'GET' || request.method === 'HEAD');
    const verdict = judge(request, url, pageRequest);
    if (verdict === null) return replyPlain(response, 503, DEVICE_LIST_UNAVAILABLE);
    if (verdict.kind === 'refuse') return replyPlain(response, verdict.status, verdict.message);
    if (verdict.kind === 'redirect') {
      const cookie = verdict.cookie === undefined ? {} : { 'Set-Cookie': verdict.cookie };
      response.writeHead(302, { Location: verdict.location, ...cookie, 'Content-Length': 0 }).end();
      return;
    }
    // The upload judges the role itself, as the bridge does, and answers as the bridge would (JSON).
    if (catalogUpload.handles(url)) return catalogUpload.serve(request, response, url, verdict.principal);
    if (socketPath) return io.engine.handleRequest(request, response);
    if (!pageRequest) return replyPlain(response, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    void serveRendererFile(rendererDir, url.pathname, request, response);
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = requestUrl(request);
    if (url === null) return refuseUpgrade(socket, 400, 'bad request');
    const verdict = judge(request, url, false);
    if (verdict === null) return refuseUpgrade(socket, 503, DEVICE_LIST_UNAVAILABLE);
    if (verdict.kind === 'refuse') return refuseUpgrade(socket, verdict.status, verdict.message);
    if (!isSocketPath(url)) return refuseUpgrade(socket, 404, 'not found');
    io.engine.handleUpgrade(request, socket, head);
  });

  try {
    await listen(server, options.port, host);
  } catch (error) {
    directory.close();
    await io.close();
    throw error;
  }
  const { address, port } = server.address() as AddressInfo;
  const wildcard = address === '0.0.0.0' || address === '::';
  const urlHost = wildcard ? '127.0.0.1' : address.includes(':') ? `[${address}]` : address;
  return {
    url: `${options.tls ? 'https' : 'http'}://${urlHost}:${port}/`,
    host: address,
    port,
    close: async () => {
      await closeAll(io, server);
      directory.close();
    },
  };
}

/** The request's URL, normalised (dot segments resolved), or null for a request target that is not a path. */
function requestUrl(request: IncomingMessage): URL | null {
  const target = request.url ?? '';
  if (!target.startsWith('/')) return null;
  try {
    return new URL(target, 'http://livecue.invalid');
  } catch {
    return null;
  }
}

function replyPlain(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const body = `${message}\n`;
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}

const statusTexts: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests', 503: 'Service Unavailable' };

/** An upgrade has no response object: the refusal is written on the socket by hand, then it is closed. */
function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const body = `${message}\n`;
  socket.on('error', () => {});
  socket.end(
    `HTTP/1.1 ${status} ${statusTexts[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

async function serveRendererFile(rendererDir: string, pathname: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const found = findRendererFile(rendererDir, pathname);
  if (found.kind === 'not-built') return replyPlain(response, 503, NOT_BUILT);
  if (found.kind === 'not-found') return replyPlain(response, 404, 'not found');
  let body: Buffer;
  try {
    body = await readFile(found.file);
  } catch {
    // Gone between the lookup and the read (a rebuild in progress).
    return replyPlain(response, 404, 'not found');
  }
  response.writeHead(200, { 'Content-Type': contentTypeOf(found.file), 'Content-Length': body.length });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function listen(server: HttpServer | HttpsServer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * socket.io disconnects every socket (their state subscriptions end with
 * them) and closes the server; connections a browser keeps alive would hold
 * that close open, so they are cut.
 */
async function closeAll(io: SocketServer, server: HttpServer | HttpsServer): Promise<void> {
  const closing = io.close();
  server.closeAllConnections();
  await closing;
}
