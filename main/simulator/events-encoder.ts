/**
 * socket.io's packet encoder, minus one cost on the hot packet. Before
 * encoding any event, socket.io walks every argument looking for binary
 * data — for a batch of 5,000 events, every field of every event. The
 * simulator's `events` batches are plain JSON by construction, so they are
 * encoded directly, in exactly the standard text format
 * (`2/live,["events",[...]]`); every other packet takes socket.io's path.
 */
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';

class EventsEncoder extends Encoder {
  override encode(packet: Packet): unknown[] {
    const data: unknown = packet.data;
    if (packet.type === PacketType.EVENT && packet.id === undefined && Array.isArray(data) && data[0] === 'events') {
      const namespace = packet.nsp && packet.nsp !== '/' ? `${packet.nsp},` : '';
      return [`${PacketType.EVENT}${namespace}${JSON.stringify(data)}`];
    }
    return super.encode(packet);
  }
}

/** The `parser` option for the simulator's socket.io server. */
export const simulatorParser = { Encoder: EventsEncoder, Decoder };
