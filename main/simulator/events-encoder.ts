/**
 * socket.io's packet encoder, minus one cost on the hot packet. Before
 * encoding any event, socket.io walks every argument looking for binary
 * data — for a batch of 5,000 events, every field of every event. The
 * simulator's `events` batches are plain JSON by construction, so they are
 * encoded directly, in exactly the standard text format
 * (`2/live,["events",[...]]`); every other packet takes socket.io's path.
 * Events encoded ahead of time (a prepared stream) are joined, not encoded again.
 */
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

const encodedAhead = new WeakMap<object, string>();

/** Records `event`'s JSON text, so sending it costs a join instead of a stringify. */
export function rememberEncoding(event: object, json: string): void {
  encodedAhead.set(event, json);
}

function eventsJson(events: readonly object[]): string {
  const texts: string[] = new Array<string>(events.length);
  for (let i = 0; i < events.length; i++) {
    const text = encodedAhead.get(events[i]!);
    if (text === undefined) return JSON.stringify(events);
    texts[i] = text;
  }
  return `[${texts.join(',')}]`;
}

class EventsEncoder extends Encoder {
  override encode(packet: Packet): unknown[] {
    const data: unknown = packet.data;
    if (packet.type === PacketType.EVENT && packet.id === undefined && Array.isArray(data) && data[0] === 'events' && Array.isArray(data[1])) {
      const namespace = packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : '';
      return [`${PacketType.EVENT}${namespace}["events",${eventsJson(data[1] as object[])}]`];
    }
    return super.encode(packet);
  }
}

/** The `parser` option for the simulator's socket.io server. */
export const simulatorParser = { Encoder: EventsEncoder, Decoder };
