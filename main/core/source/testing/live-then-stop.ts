/**
 * A whole life of a gateway source in a process of its own: connect, go
 * live, receive, ack, command, stop. The test that runs it checks the process
 * then exits by itself, i.e. stop() left no socket or timer behind.
 */
import { createGatewaySource } from '../gateway-source.js';
import { FAKE_ROOM, FAKE_SESSION, FAKE_TOKEN, fakeComment, startFakeGateway } from './fake-gateway.js';
import { recordingListener, waitUntil } from './recording-listener.js';

const server = await startFakeGateway();
const source = createGatewaySource({ url: server.url, room: FAKE_ROOM, token: FAKE_TOKEN });
const { listener, recording } = recordingListener();
source.start(listener, () => undefined);
await waitUntil(() => recording.statuses.at(-1)?.state === 'live', 'live');
server.broadcast('events', [fakeComment(1)]);
await waitUntil(() => recording.batches.length === 1, 'events arrived');
source.ack(FAKE_SESSION, 1);
await waitUntil(() => server.acks.length === 1, 'the ack arrived');
await source.command({ id: 'c1', type: 'card.unpin' });
await source.stop();
await server.close();
process.stdout.write('stopped\n');
