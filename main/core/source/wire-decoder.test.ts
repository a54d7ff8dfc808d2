import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import { WireBatch, wireParser } from './wire-decoder.js';

/** What a standard socket.io server puts on the wire for a packet. */
const encode = (packet: Packet) => new Encoder().encode(packet)[0] as string;

function decode(text: string): Packet {
  const decoder = new wireParser.Decoder();
  let decoded: Packet | undefined;
  decoder.on('decoded', (packet: Packet) => (decoded = packet));
  decoder.add(text);
  return decoded!;
}

describe('wire decoder', () => {
  it('hands on events batches parsed, with the exact text of the array', () => {
    const events = [{ seq: 1, ts: 2, type: 'comment', id: 'c1', user: { id: 'u', name: '小红' }, text: '敏感肌能用吗？ ["]' }];
    const packet = decode(encode({ type: PacketType.EVENT, nsp: '/live', data: ['events', events] }));
    expect(packet.data[0]).toBe('events');
    const batch = packet.data[1] as WireBatch;
    expect(batch).toBeInstanceOf(WireBatch);
    expect(batch.events).toEqual(events);
    expect(batch.text).toBe(JSON.stringify(events));
  });

  it('decodes every other packet exactly as socket.io does', () => {
    const packets: Packet[] = [
      { type: PacketType.EVENT, nsp: '/live', data: ['hello', { protocol: 1 }] },
      { type: PacketType.EVENT, nsp: '/live', id: 7, data: ['events', [1]] },
      { type: PacketType.EVENT, nsp: '/other', data: ['events', [1]] },
      { type: PacketType.CONNECT, nsp: '/live', data: { sid: 'x' } },
    ];
    for (const packet of packets) {
      const standard = new Decoder();
      let expected: Packet | undefined;
      standard.on('decoded', (p: Packet) => (expected = p));
      standard.add(encode(packet));
      expect(decode(encode(packet))).toEqual(expected);
    }
  });

  it('leaves a malformed events packet to socket.io to refuse', () => {
    expect(() => decode('2/live,["events",[{"seq":1]]')).toThrow();
  });
});
