import { describe, expect, it } from 'vitest';
import { CommentLog } from '../comments/comment-log.js';
import { comment, metrics, product, snapshot, T0 } from '../testing/fixtures.js';
import { countWaitingQuestions, deriveAlerts, type AlertInputs } from './alerts.js';

const quiet: AlertInputs = { transport: { state: 'connected' }, snapshot: snapshot(), gapsAtStart: 0, rejectedLastMinute: 0, waitingQuestions: { count: 0, top: null } };
const ids = (inputs: Partial<AlertInputs>) => deriveAlerts({ ...quiet, ...inputs }).map((a) => a.id);

describe('deriveAlerts', () => {
  it('is quiet when everything is fine', () => {
    expect(ids({})).toEqual([]);
  });

  it('raises the page’s own lost link and the live room’s reconnects', () => {
    expect(ids({ transport: { state: 'disconnected', attempt: 2, error: 'transport close' } })).toContain('transport');
    const reconnecting = snapshot({ connection: { ...snapshot().connection, state: 'reconnecting', attempt: 3 } });
    const [alert] = deriveAlerts({ ...quiet, snapshot: reconnecting });
    expect(alert).toMatchObject({ id: 'reconnecting', severity: 'critical', params: { attempt: 3 } });
  });

  it('reports only gaps that appeared after the page first saw the session', () => {
    const gaps = [
      { session: 's', fromSeq: 10, toSeq: 20 },
      { session: 's', fromSeq: 50, toSeq: 60 },
    ];
    const withGaps = snapshot({ ingest: { ...snapshot().ingest, gaps } });
    expect(ids({ snapshot: withGaps, gapsAtStart: 2 })).toEqual([]);
    expect(deriveAlerts({ ...quiet, snapshot: withGaps, gapsAtStart: 1 })[0]).toMatchObject({ id: 'gaps', params: { count: 1, from: 50, to: 60 } });
  });

  it('flags online viewers falling by more than 20% within 5 minutes, not a smaller dip', () => {
    const online = (now: number, before: number) =>
      snapshot({ windows: { m1: snapshot().windows.m1, m5: { current: metrics({ onlineViewers: now }), previous: metrics({ onlineViewers: before }) } } });
    expect(ids({ snapshot: online(790, 1000) })).toEqual(['online-drop']);
    expect(ids({ snapshot: online(850, 1000) })).toEqual([]);
  });

  it('raises rejected events and waiting questions', () => {
    expect(ids({ rejectedLastMinute: 4, waitingQuestions: { count: 2, top: { productId: null, intent: 'price' } } })).toEqual(['rejected', 'waiting-questions']);
  });
});

describe('countWaitingQuestions', () => {
  it('counts unanswered questions older than a minute and not yet stale', () => {
    const now = T0 + 10 * 60_000;
    const log = new CommentLog();
    log.merge([
      comment(1, { ts: now - 6 * 60_000, question: true }),
      comment(2, { ts: now - 90_000, question: true }),
      comment(3, { ts: now - 80_000, question: true, answered: true }),
      comment(4, { ts: now - 70_000 }),
      comment(5, { ts: now - 10_000, question: true }),
    ]);
    expect(countWaitingQuestions(log, now).count).toBe(1);
  });
});

describe('the waiting-questions alert carries its action', () => {
  it('names the product and intent most of them ask about, and offers to open the groups and pin that product', () => {
    const base = snapshot();
    const withProduct = { ...base, products: [product('p9', { title: '烟酰胺精华' })], onAir: null };
    const [alert] = deriveAlerts({ ...quiet, snapshot: withProduct, waitingQuestions: { count: 5, top: { productId: 'p9', intent: 'suitability' } } });
    expect(alert).toMatchObject({
      id: 'waiting-questions',
      message: 'alerts.waitingQuestionsAbout',
      params: { count: 5, product: '烟酰胺精华', intent: 'suitability' },
      actions: [{ kind: 'openQuestionGroups' }, { kind: 'pinProduct', productId: 'p9' }],
    });
    // Already on air: nothing to pin.
    const onAir = deriveAlerts({ ...quiet, snapshot: { ...withProduct, onAir: { productId: 'p9', since: 0 } }, waitingQuestions: { count: 5, top: { productId: 'p9', intent: 'suitability' } } });
    expect(onAir[0]!.actions).toEqual([{ kind: 'openQuestionGroups' }]);
  });
});

