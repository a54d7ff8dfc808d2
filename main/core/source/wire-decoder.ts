/**
 * A socket.io packet decoder that keeps the wire text of `events` batches.
 *
 * socket.io's own decoder parses each packet and throws the text away; the
 * store would then have to serialize every event again to keep it. For the
 * one hot packet — `events` on the live namespace, no ack id — this decoder
 * parses the array itself and hands on a `WireBatch` holding both the parsed
 * events (to validate and count) and their exact text (to store). Everything
 * else goes through socket.io's decoder unchanged, so the wire format is the
 * standard one and any conforming gateway works.
 */
import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import { NAMESPACE } from '../../../shared/protocol/index.js';

/** One `events` payload as received: parsed, with the JSON text it was parsed from. */
export class WireBatch {
  constructor(
    /** The JSON text of the events array, exactly as the gateway sent it. */
    readonly text: string,
    /** The parsed array (untrusted: validated downstream). */
    readonly events: unknown,
  ) {}
}

/** `2` (EVENT) + namespace + `,` + `["events",` — an events packet without an ack id. */
const EVENTS_PREFIX = `${PacketType.EVENT}${NAMESPACE},["events",`;

class WireDecoder extends Decoder {
  override add(chunk: unknown): void {
    if (typeof chunk === 'string' && chunk.startsWith(EVENTS_PREFIX) && chunk.endsWith(']')) {
      const text = chunk.slice(EVENTS_PREFIX.length, -1);
      let events: unknown;
      try {
        events = JSON.parse(text);
      } catch {
        // Not a well-formed packet after all: let socket.io's decoder judge it.
        super.add(chunk);
        return;
      }
      this.emitReserved('decoded', { type: PacketType.EVENT, nsp: NAMESPACE, data: ['events', new WireBatch(text, events)] });
      return;
    }
    super.add(chunk);
  }
}

/** The `parser` option for socket.io-client: standard encoding, events kept with their text. */
export const wireParser = { Encoder, Decoder: WireDecoder };
