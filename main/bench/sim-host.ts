/**
 * A simulator in its own process, so the benchmark's gateway does not share
 * an event loop with the ingest it measures (as a real gateway would not).
 * Driven over the fork IPC channel.
 */
import { startSimulator, type SimulatorOptions } from '../simulator/index.js';

export type SimHostRequest = { type: 'start' } | { type: 'hold'; events: number | null } | { type: 'emitted' } | { type: 'close' };
export type SimHostMessage =
  | { type: 'ready'; url: string; room: string; sessionId: string }
  | { type: 'emitted'; emitted: number }
  | { type: 'closed' };

const send = (message: SimHostMessage) => process.send?.(message);

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorOptions;
  const simulator = await startSimulator({ ...options, port: 0, autoStart: false });
  process.on('message', (request: SimHostRequest) => {
    if (request.type === 'start') simulator.start();
    else if (request.type === 'hold') simulator.holdAfter(request.events);
    else if (request.type === 'emitted') send({ type: 'emitted', emitted: simulator.emitted() });
    else if (request.type === 'close') {
      void simulator.close().then(() => {
        send({ type: 'closed' });
        process.disconnect?.();
      });
    }
  });
  process.on('disconnect', () => void simulator.close().then(() => process.exit(0)));
  send({ type: 'ready', url: simulator.url, room: simulator.room, sessionId: simulator.sessionId });
}

void main();
