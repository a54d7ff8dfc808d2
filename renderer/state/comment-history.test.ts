import { describe, expect, it } from 'vitest';
import type { CommentView } from '../../shared/api/contract.js';
import { FakeBridge } from '../testing/fake-bridge.js';
import { comment, snapshot } from '../testing/fixtures.js';
import { createActions } from './actions.js';
import { HISTORY_LIMIT } from './comment-history.js';
import { connectStore } from './connect-store.js';
import { createAppStore } from './store.js';

/** A host holding comments 1…total; history pages are newest first, before `beforeSeq`. */
function hostWith(total: number) {
  const bridge = new FakeBridge();
  bridge.handlers.commentHistory = ({ beforeSeq, afterSeq = 0, limit }) => {
    const newest = Math.min(total, (beforeSeq ?? total + 1) - 1);
    const page: CommentView[] = [];
    for (let seq = newest; seq > afterSeq && page.length < limit; seq--) page.push(comment(seq));
    return { ok: true, value: page };
  };
  return bridge;
}

function connected(total: number) {
  const bridge = hostWith(total);
  const store = createAppStore(undefined);
  connectStore(store, bridge, createActions(store, bridge), { comments: true });
  return { bridge, store, held: () => store.getState().commentLog };
}

/** The live window as the host sends it: the 200 comments from `first` on. */
const window = (first: number) => Array.from({ length: 200 }, (_, i) => comment(first + i));
/** The fake host answers at once; one macrotask lets every chained page settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('comment history', () => {
  it('loads older comments behind the first window, up to the limit', async () => {
    const { bridge, held } = connected(12_000);
    bridge.push({ kind: 'snapshot', snapshot: snapshot({ comments: window(11_801) }) });
    await settle();
    expect(held().size).toBe(200 + HISTORY_LIMIT);
    expect(held().at(0)!.seq).toBe(11_801 - HISTORY_LIMIT);
  });

  it('after a reconnect fetches only the comments missed while away', async () => {
    const { bridge, held } = connected(3_000);
    bridge.push({ kind: 'snapshot', snapshot: snapshot({ comments: window(1) }) });
    await settle();
    const before = bridge.requestsNamed('commentHistory').length;
    bridge.push({ kind: 'snapshot', snapshot: snapshot({ comments: window(2_801) }) });
    await settle();
    expect(held().size).toBe(3_000);
    // 2,600 missed comments: three pages, the third reaching what was held.
    expect(bridge.requestsNamed('commentHistory').length - before).toBe(3);
  });

  it('fills every gap when several windows skip comments in a row', async () => {
    const { bridge, held } = connected(3_200);
    bridge.push({ kind: 'snapshot', snapshot: snapshot({ comments: window(1) }) });
    bridge.push({ kind: 'patch', patch: { comments: window(1_001) } });
    bridge.push({ kind: 'patch', patch: { comments: window(2_001) } });
    bridge.push({ kind: 'patch', patch: { comments: window(3_001) } });
    await settle();
    expect(held().size).toBe(3_200);
  });

  it('asks for just the comments a busy update skipped, not a page behind them', async () => {
    const { bridge, held } = connected(2_000);
    bridge.push({ kind: 'snapshot', snapshot: snapshot({ comments: window(1_001) }) });
    await settle();
    const asked = bridge.requestsNamed('commentHistory').length;
    // A thousand comments a second, four updates a second: 250 arrive between two windows of 200.
    bridge.push({ kind: 'patch', patch: { comments: window(1_251) } });
    await settle();
    expect(bridge.requestsNamed('commentHistory').slice(asked)).toEqual([{ beforeSeq: 1_251, afterSeq: 1_200, limit: 1_000 }]);
    expect(held().size).toBe(200 + 1_000 + 250);
  });

  it('asks for nothing while the windows overlap', async () => {
    const { bridge } = connected(1_200);
    bridge.push({ kind: 'snapshot', snapshot: snapshot({ comments: window(1) }) });
    await settle();
    const asked = bridge.requestsNamed('commentHistory').length;
    bridge.push({ kind: 'patch', patch: { comments: window(101) } });
    await settle();
    expect(bridge.requestsNamed('commentHistory')).toHaveLength(asked);
  });

  it('starts over for a new session', async () => {
    const { bridge, held } = connected(500);
    bridge.push({ kind: 'snapshot', snapshot: snapshot({ comments: window(301) }) });
    await settle();
    const next = snapshot().session!;
    bridge.push({ kind: 'patch', patch: { session: { ...next, id: 'session-2' }, comments: [comment(1), comment(2)] } });
    await settle();
    expect(held().size).toBe(2);
  });
});
