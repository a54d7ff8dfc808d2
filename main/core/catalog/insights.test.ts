/**
 * 买点建议 from what buyers asked: sessions recorded into a real SQLite file,
 * their stored comments mined for questions about a product, and the
 * proposals saved into the catalog, where the merchant accepts them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Hello, LiveEvent } from '../../../shared/protocol/index.js';
import { createCatalogApi } from './catalog-api.js';
import { IngestPipeline } from '../ingest/pipeline.js';
import { openReader } from '../store/reader.js';
import { tempFolder } from '../store/testing/temp-files.js';
import { StoreWriter } from '../store/writer.js';
import { mineAskedQuestions } from './insights.js';

const folder = tempFolder();
afterAll(() => folder.remove());
const file = folder.path('insights.db');

const START = 1_700_000_000_000;
const serum = { id: 'sku-serum', title: '烟酰胺精华', price: 12990 };
const bag = { id: 'sku-bag', title: '通勤托特包', price: 25900 };

/** Records one session: its products and these comments ([user, text]) and product cards ({ card }: shown, null: hidden), in order. */
async function record(sessionId: string, startedAt: number, products: Hello['products'], items: ([string, string] | { card: string | null })[]): Promise<void> {
  const writer = await StoreWriter.open(file);
  const reader = openReader(file);
  const pipeline = new IngestPipeline({ writer, reader, gateway: 'test', room: 'room-1' });
  pipeline.hello({
    protocol: 1,
    room: { id: 'room-1', title: '护肤专场', host: '主播', platform: 'test' },
    session: { id: sessionId, startedAt },
    products,
    serverTime: startedAt,
  });
  let shown = '';
  const events: LiveEvent[] = items.map((item, i): LiveEvent => {
    const envelope = { seq: i + 1, ts: startedAt + i * 1_000 };
    if (!Array.isArray(item)) {
      if (item.card !== null) shown = item.card;
      return item.card === null ? { ...envelope, type: 'card.hidden', productId: shown } : { ...envelope, type: 'card.shown', productId: item.card };
    }
    const [user, text] = item;
    return { ...envelope, type: 'comment', id: `${sessionId}-c${i}`, user: { id: user, name: user }, text };
  });
  pipeline.events(events, Date.now());
  await pipeline.drain();
  reader.close();
  await writer.close();
}

describe('proposeBuyingPoints from past sessions', () => {
  it('mines the questions that name the product, counts distinct askers, and proposes an audience card the merchant can accept', async () => {
    // Two products on the cart: questions naming 1号 (the serum) count, and unnamed ones while its card is shown.
    await record('s1', START, [serum, bag], [
      ['u0', '敏感肌能用吗'],
      { card: serum.id },
      ['u1', '1号敏感肌能用吗'],
      ['u2', '1号敏感肌能用吗'],
      ['u1', '1号敏感肌能用吗'],
      ['u3', '敏感肌能用吗'],
      ['u4', '2号敏感肌能用吗'],
      ['u5', '1号多少钱'],
      { card: null },
      ['u11', '敏感肌能用吗'],
      { card: bag.id },
      ['u10', '敏感肌能用吗'],
    ]);
    // One product only: every question is about it.
    await record('s2', START + 86_400_000, [serum], [
      ['u6', '敏感肌能用吗'],
      ['u7', '敏感肌能用吗'],
      ['u8', '敏感肌能用吗'],
      ['u9', '好用吗哈哈'],
    ]);

    const reader = openReader(file);
    expect(mineAskedQuestions(reader, serum.id)).toEqual([{ text: '敏感肌能用吗', intent: 'suitability', count: 6, sessions: 2, keyword: '敏感肌' }]);
    // The scan is capped, newest session first.
    expect(mineAskedQuestions(reader, serum.id, { maxComments: 4 })).toEqual([{ text: '敏感肌能用吗', intent: 'suitability', count: 3, sessions: 1, keyword: '敏感肌' }]);
    expect(mineAskedQuestions(reader, bag.id)).toEqual([{ text: '敏感肌能用吗', intent: 'suitability', count: 2, sessions: 1, keyword: '敏感肌' }]);
    reader.close();

    const writer = await StoreWriter.open(file);
    const catalogReader = openReader(file);
    try {
      const api = createCatalogApi(writer, catalogReader);
      await api.saveProduct({ id: serum.id, title: serum.title, category: 'skincare', sellingPoints: ['5% 烟酰胺'] });
      const proposals = await api.proposeBuyingPoints(serum.id);
      const audience = proposals.find((p) => p.origin === 'audience');
      expect(audience).toMatchObject({ productId: serum.id, audience: '敏感肌', status: 'proposed', originNote: '过去 2 场直播里 6 位观众问过「敏感肌能用吗」' });
      expect(proposals.some((p) => p.origin === 'category')).toBe(true);
      // Saved as proposed: in the catalog, not yet suggested to the host.
      expect(api.get().buyingPoints.filter((b) => b.status === 'proposed')).toHaveLength(proposals.length);
      expect(api.copilot().buyingPoints).toEqual([]);

      const accepted = await api.saveBuyingPoint({ ...audience!, status: 'accepted' });
      expect(accepted.status).toBe('accepted');
      expect(api.get().buyingPoints.find((b) => b.id === audience!.id)?.status).toBe('accepted');
      expect(api.copilot().buyingPoints.map((b) => b.id)).toEqual([audience!.id]);

      // Asking again proposes nothing already there (the same ids), accepted or rejected.
      for (const p of proposals.filter((x) => x.origin === 'category')) await api.saveBuyingPoint({ ...p, status: 'rejected' });
      expect(await api.proposeBuyingPoints(serum.id)).toEqual([]);
      await expect(api.proposeBuyingPoints('nope')).rejects.toThrow(/no product/);
    } finally {
      catalogReader.close();
      await writer.close();
    }
  });
});
