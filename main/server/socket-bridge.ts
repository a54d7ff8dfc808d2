/**
 * The app's bridge over socket.io, namespace /ui: the same requests and the
 * same state stream the Electron preload carries (shared/api/bridge.ts).
 */
import type { Namespace } from 'socket.io';
import { z } from 'zod';
import { BRIDGE_CHANNELS, type BridgeReply, type BridgeRequestName } from '../../shared/api/bridge.js';
import type { LiveCueApp } from '../app/app.js';
import { accessTokenMatcher, headerTokens } from './access-token.js';
import { isLoopbackAddress } from './loopback-address.js';

export const UI_NAMESPACE = '/ui';

const handshakeAuthSchema = z.object({ token: z.string().max(1_024).optional() });
const requestNameSchema = z.string().min(1).max(100);

type Reply = BridgeReply<BridgeRequestName>;
const failure = (code: 'bad_request' | 'internal', message: string): Reply => ({ ok: false, error: { code, message } });

export function bridgeApp(namespace: Namespace, app: LiveCueApp, accessToken: string): void {
  const isAccessToken = accessTokenMatcher(accessToken);

  namespace.use((socket, next) => {
    // The HTTP gate already refused transports without a valid cookie or Bearer token; this is the
    // socket's own check. A token the client states in `auth` is the one judged: a wrong one is
    // refused even beside a good cookie, so a client never runs on credentials it did not mean to use.
    const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
    const stated = auth.success ? auth.data.token : undefined;
    const presented = stated === undefined ? headerTokens(socket.handshake.headers) : [stated];
    next(presented.some(isAccessToken) ? undefined : new Error('unauthorized'));
  });

  namespace.on('connection', (socket) => {
    const unsubscribe = app.onState((update) => socket.emit(BRIDGE_CHANNELS.state, update));
    // The peer's address as the TCP connection says it; settings that aim the host's own requests need a local one.
    const context = { local: isLoopbackAddress(socket.handshake.address) };
    socket.on('disconnect', unsubscribe);

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
      app.handle(parsedName.data, payload, context).then(
        (reply) => ack(reply),
        (error: unknown) => ack(failure('internal', error instanceof Error ? error.message : String(error))),
      );
    });
  });
}
