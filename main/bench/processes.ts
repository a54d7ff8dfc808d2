/** Child processes of the benchmark, each with a small typed request/answer channel. */
import { fork, type ChildProcess } from 'node:child_process';
import type { SimulatorOptions } from '../simulator/index.js';
import type { SimHostMessage, SimHostRequest } from './sim-host.js';

export class SimHost {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly room: string,
  ) {}

  static async start(options: Omit<SimulatorOptions, 'log'>): Promise<SimHost> {
    const child = fork(new URL('./sim-host.js', import.meta.url), [JSON.stringify(options)], { stdio: 'inherit' });
    const ready = await nextMessage<SimHostMessage>(child, 'ready');
    if (ready.type !== 'ready') throw new Error('simulator host did not start');
    return new SimHost(child, ready.url, ready.room);
  }

  start(): void {
    this.request({ type: 'start' });
  }

  /** Stops the stream once `events` have been emitted; `null` lets it go on. */
  holdAfter(events: number | null): void {
    this.request({ type: 'hold', events });
  }

  async emitted(): Promise<number> {
    this.request({ type: 'emitted' });
    const answer = await nextMessage<SimHostMessage>(this.child, 'emitted');
    return answer.type === 'emitted' ? answer.emitted : 0;
  }

  async close(): Promise<void> {
    if (!this.child.connected) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.request({ type: 'close' });
    await exited;
  }

  private request(request: SimHostRequest): void {
    this.child.send(request);
  }
}

export function nextMessage<M extends { type: string }>(child: ChildProcess, type: M['type']): Promise<M> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: M) => {
      if (message.type !== type) return;
      cleanup();
      resolve(message);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`child process exited (${code}) before sending ${type}`));
    };
    const cleanup = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
