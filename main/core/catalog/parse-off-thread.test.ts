import { describe, expect, it } from 'vitest';
import { IMPORT_PARSE_MS, MAX_IMPORT_BYTES } from '../../../shared/catalog/catalog-api.js';
import { catalogToCsv, TEMPLATE_CATALOG } from '../../../shared/catalog/file-layout.js';
import { parseOffThread } from './parse-off-thread.js';
import { hostileFiles } from './testing/hostile-files.js';

describe('reading a catalog file off the serving thread', () => {
  it('reads a file in a worker and says how its text was decoded', async () => {
    const { parse, encoding } = await parseOffThread('csv', Buffer.from(catalogToCsv(TEMPLATE_CATALOG)));
    expect(encoding).toBe('UTF-8 BOM');
    expect(parse).toMatchObject({ ok: true, catalog: TEMPLATE_CATALOG });
  });

  it('refuses or reads each file of the probe within the time budget, and this thread stays free meanwhile', async () => {
    for (const file of await hostileFiles()) {
      // A timer due every 10 ms: how late it fires says how long this thread was kept from running.
      const lateMs: number[] = [];
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        lateMs.push(now - last - 10);
        last = now;
      }, 10);
      const { parse } = await parseOffThread(file.format, file.bytes);
      clearInterval(ticker);
      // Refused as a problem of the file, or read (the newline file holds no rows): within the budget, never thrown.
      if (!parse.ok) expect(parse.problems[0]!.code, file.name).not.toBe('tooSlow');
      // The median, not the worst: two shared cores late a timer now and then whoever runs.
      lateMs.sort((x, y) => x - y);
      expect(lateMs[Math.floor(lateMs.length / 2)], file.name).toBeLessThan(100);
    }
  });

  it('stops the reader at the time budget and refuses the file', async () => {
    const big = Buffer.from(catalogToCsv({ products: Array.from({ length: 20_000 }, (_, i) => ({ ...TEMPLATE_CATALOG.products[0]!, id: `p${i}` })), buyingPoints: [] }));
    const started = performance.now();
    const { parse } = await parseOffThread('csv', big, {}, { bytes: MAX_IMPORT_BYTES, milliseconds: 5 });
    expect(parse).toEqual({ ok: false, problems: [{ sheet: '', row: 0, column: '', code: 'tooSlow', params: { seconds: 0.005 } }] });
    // Refused at the budget, not after the read finished (the worker is terminated): with room for a slow start.
    expect(performance.now() - started).toBeLessThan(IMPORT_PARSE_MS * 5);
  });

  it('refuses a file over the size budget without reading it', async () => {
    const { parse } = await parseOffThread('xlsx', Buffer.alloc(MAX_IMPORT_BYTES + 1));
    expect(parse).toEqual({ ok: false, problems: [{ sheet: '', row: 0, column: '', code: 'tooLarge', params: { megabytes: 10 } }] });
  });
});
