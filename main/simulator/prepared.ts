/**
 * A stream produced and encoded in full before it starts: the benchmark's
 * gateway. On a two-core machine the gateway shares the CPU with the
 * recorder it feeds; generating and serialising events while the clock runs
 * would measure the simulator as much as LiveCue. A real gateway runs on
 * another machine, so the benchmark prepares its frames first and then only
 * writes them. The wire format is unchanged: the same standard socket.io
 * text a live room sends.
 */
import type { Command, CommandReply, LiveEvent, Product } from '../../shared/protocol/index.js';
import { rememberEncoding } from './events-encoder.js';
import type { EventProducer } from './producer.js';

export class PreparedProducer implements EventProducer {
  private readonly events: LiveEvent[] = [];
  private next = 0;
  private done = false;

  /** Takes `count` events from `source` now, and their JSON text. */
  constructor(
    private readonly source: EventProducer,
    count: number,
  ) {
    source.take(count, Infinity, this.events);
    for (const event of this.events) rememberEncoding(event, JSON.stringify(event));
    source.finish();
  }

  get finished(): boolean {
    return this.done || this.next >= this.events.length;
  }

  take(max: number, _untilOffsetMs: number, out: LiveEvent[]): number {
    const end = Math.min(this.events.length, this.next + max);
    for (let i = this.next; i < end; i++) out.push(this.events[i]!);
    const taken = end - this.next;
    this.next = end;
    return taken;
  }

  finish(): void {
    this.done = true;
  }

  products(): Product[] {
    return this.source.products();
  }

  /** Answered as usual, but a prepared stream cannot change: a pinned card adds no event. */
  command(command: Command): CommandReply {
    return this.source.command(command);
  }
}
