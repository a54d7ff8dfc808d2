/**
 * Synthetic live-room events for store tests and measurements: realistic
 * protocol bodies of ~150-300 bytes, a mix of entries, likes, comments,
 * exposures and orders, every comment with a unique platform id.
 */
import { toAppendBatch, type EventColumns } from '../raw-insert.js';
import type { AppendBatch, SessionKey } from '../types.js';

const START_TS = 1_760_000_000_000;

function syntheticEvent(seq: number): EventColumns {
  const ts = START_TS + seq * 10;
  const user = { id: `u${(seq * 7919) % 100_000}`, name: `viewer ${seq % 997}`, follower: seq % 3 === 0, fanLevel: seq % 10 };
  switch (seq % 5) {
    case 0: {
      const id = `c${seq}`;
      const text = `is the size M still in stock? ${'so pretty '.repeat(seq % 12)}`;
      return { seq, ts, type: 'comment', eid: id, known: 1, body: JSON.stringify({ seq, ts, type: 'comment', id, user, text }) };
    }
    case 1:
      return { seq, ts, type: 'like', eid: null, known: 1, body: JSON.stringify({ seq, ts, type: 'like', userId: user.id, count: 3, total: seq * 3, user }) };
    case 2:
      return { seq, ts, type: 'product.exposure', eid: null, known: 1, body: JSON.stringify({ seq, ts, type: 'product.exposure', productId: `p${seq % 20}`, userId: user.id, count: 1, user }) };
    case 3: {
      const orderId = `o${seq}`;
      const body = { seq, ts, type: 'order.paid', id: `${orderId}#paid`, orderId, productId: `p${seq % 20}`, user, quantity: 1, amount: 9_900 };
      return { seq, ts, type: 'order.paid', eid: body.id, known: 1, body: JSON.stringify(body) };
    }
    default:
      return { seq, ts, type: 'viewer.enter', eid: null, known: 1, body: JSON.stringify({ seq, ts, type: 'viewer.enter', user, source: 'feed' }) };
  }
}

/** Events with seqs `fromSeq` .. `fromSeq + count - 1`. */
export function syntheticEvents(fromSeq: number, count: number): EventColumns[] {
  return Array.from({ length: count }, (_, i) => syntheticEvent(fromSeq + i));
}

/** A batch of synthetic events with no side rows. */
export function syntheticBatch(session: SessionKey, fromSeq: number, count: number): AppendBatch {
  return toAppendBatch(session, syntheticEvents(fromSeq, count));
}
