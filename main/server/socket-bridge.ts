/**
 * The app's bridge over socket.io, namespace /ui: the same requests and the
 * same state stream the Electron preload carries (shared/api/bridge.ts),
 * each request judged by the asking device's role (shared/api/access.ts)
 * and its rate, and every control request recorded in the audit trail.
 */
import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import { REQUEST_ROLES, roleAllows } from '../../shared/api/access.js';
import { BRIDGE_CHANNELS, bridgeRequestSchemas, type BridgeErrorCode, type BridgeReply, type BridgeRequestName } from '../../shared/api/bridge.js';
import type { LiveCueApp } from '../app/app.js';
import { headerTokens } from './access-token.js';
import { DEVICE_LIST_UNAVAILABLE } from './device-list-trouble.js';
import type { DeviceDirectory, Principal } from './device-directory.js';
import { isDeviceRequest, serveDeviceRequest } from './device-requests.js';
import type { FailureThrottle } from './failure-throttle.js';
import { isLoopbackAddress } from './loopback-address.js';
import type { RateLimiter } from './request-rate.js';

export const UI_NAMESPACE = '/ui';

export interface BridgeAccess {
  directory: DeviceDirectory;
  throttle: FailureThrottle;
  rate: RateLimiter;
  /** Told of every wrong token in a handshake, like the HTTP gate's: the address, never the secret. */
  onFailure(failure: { address: string; kind: 'token'; blocked: boolean }): void;
  /** The device list could not be asked (a busy or vanished database): the handshake was refused. */
  onDeviceListError(error: unknown): void;
  cookieName: string;
  /** The address a console reached this host at, for the pairing links it asks for. */
  linkBase(hostHeader: string | undefined): string;
  /** The TLS certificate's SHA-256 fingerprint, shown beside a pairing link; null over plain HTTP. */
  certificateFingerprint: string | null;
}

const handshakeAuthSchema = z.object({ token: z.string().max(1_024).optional() });
const requestNameSchema = z.string().min(1).max(100);

type Reply = BridgeReply<BridgeRequestName>;
const failure = (code: BridgeErrorCode, message: string): Reply => ({ ok: false, error: { code, message } });
const isRequestName = (name: string): name is BridgeRequestName => Object.hasOwn(bridgeRequestSchemas, name);

/** Who a connected socket is: set by the handshake, renamed with its device. */
const principalOf = (socket: Socket): Principal => (socket.data as { principal: Principal }).principal;

export function bridgeApp(namespace: Namespace, app: LiveCueApp, access: BridgeAccess): void {
  const { directory } = access;

  namespace.use((socket, next) => {
    // The HTTP gate already refused transports without a valid cookie or Bearer token; this is the
    // socket's own check. A token the client states in `auth` is the one judged: a wrong one is
    // refused even beside a good cookie, so a client never runs on credentials it did not mean to use.
    const address = socket.handshake.address;
    if (access.throttle.blocked(address)) return next(new Error('too many attempts'));
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
    const stated = auth.success ? auth.data.token : undefined;
    const presented = stated === undefined ? headerTokens(socket.handshake.headers, access.cookieName) : [stated];
    try {
      for (const token of presented) {
        const principal = directory.authenticate(token);
        if (principal !== null) {
          (socket.data as { principal: Principal }).principal = principal;
          directory.seen(principal);
          return next();
        }
      }
    } catch (error) {
      // Thrown here, it would take the server down with it: the client is told to try again instead.
      access.onDeviceListError(error);
      return next(new Error(DEVICE_LIST_UNAVAILABLE));
    }
    const [wrong] = presented;
    if (wrong !== undefined) access.onFailure({ address, kind: 'token', blocked: access.throttle.fail(address, wrong) });
    next(new Error('unauthorized'));
  });

  const socketsOf = (name: string) => [...namespace.sockets.values()].filter((socket) => principalOf(socket).name === name);
  directory.onCut((name) => {
    for (const socket of socketsOf(name)) socket.disconnect(true);
  });
  directory.onRenamed((name, newName) => {
    for (const socket of socketsOf(name)) (socket.data as { principal: Principal }).principal = { ...principalOf(socket), name: newName };
  });
  directory.watch(() => [...new Set([...namespace.sockets.values()].map((socket) => principalOf(socket).name))]);

  namespace.on('connection', (socket) => {
    const unsubscribe = app.onState((update) => socket.emit(BRIDGE_CHANNELS.state, update));
    // The peer's address as the TCP connection says it; settings that aim the host's own requests need a local one.
    const context = { local: isLoopbackAddress(socket.handshake.address) };
    socket.on('disconnect', unsubscribe);

    const serve = async (name: string, payload: unknown): Promise<Reply> => {
      const principal = principalOf(socket);
      // Metered before anything else is done for it: a flood costs a map lookup a message.
      if (!access.rate.take(principal.name)) return failure('rate_limited', 'too many requests from this device: slow down and try again');
      directory.seen(principal);
      const audited = isRequestName(name) && REQUEST_ROLES[name] === 'control';
      const record = (reply: Reply): Reply => {
        if (audited) directory.audit({ at: Date.now(), device: principal.name, request: name, result: reply.ok ? 'ok' : reply.error.code });
        return reply;
      };
      if (!roleAllows(principal.role, name)) {
        directory.forbidden(principal);
        return record(failure('forbidden', `${principal.name} is a view device: ${name.slice(0, 100)} needs a control device`));
      }
      if (isDeviceRequest(name)) return record(await serveDeviceRequest(name, payload, directory, access.linkBase(socket.handshake.headers.host), access.certificateFingerprint));
      return record(await app.handle(name, payload, context));
    };

    socket.on(BRIDGE_CHANNELS.request, (name: unknown, payload: unknown, ack: unknown) => {
      // A request nobody waits for would be served for nothing.
      if (typeof ack !== 'function') return;
      const parsedName = requestNameSchema.safeParse(name);
      if (!parsedName.success) {
        ack(failure('bad_request', 'a request needs a name'));
        return;
      }
      // app.handle promises never to throw; should that ever break, the client still gets a reply
      // and the server does not die of an unhandled rejection.
      serve(parsedName.data, payload).then(
        (reply) => ack(reply),
        (error: unknown) => ack(failure('internal', error instanceof Error ? error.message : String(error))),
      );
    });
  });
}
