/**
 * `livecue catalog` on a real database file: a merge is the default and
 * keeps what the file does not list, a replace that deletes needs --yes,
 * problems are worded in the language asked for, and an import can be undone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogToCsv } from '../shared/catalog/file-layout.js';
import type { Catalog } from '../shared/catalog/catalog.js';
import { MAX_IMPORT_BYTES } from '../shared/catalog/catalog-api.js';
import { gb18030Of } from '../main/core/catalog/testing/encodings.js';
import { hostileFiles } from '../main/core/catalog/testing/hostile-files.js';
import { runCli, tempDir } from './helpers.js';

const tmp = tempDir('livecue-cli-catalog-');
afterAll(() => tmp.remove());

const point = { audience: '', scenario: '', pain: '', benefit: '', proof: '', answers: [], keywords: [], origin: 'merchant' as const, originNote: '', status: 'accepted' as const };
const full: Catalog = {
  products: [
    { id: 'p1', title: '精华', category: 'skincare', price: 12900, coupon: '', sellingPoints: [] },
    { id: 'p2', title: '托特包', category: 'apparel', price: 25900, coupon: '', sellingPoints: [] },
  ],
  buyingPoints: [{ ...point, id: 'b1', productId: 'p2', line: '电脑水杯都能放' }],
};

// Each test runs the command several times, each a fresh process under tsx that starts the file reader's worker
// (also under tsx): some 4 s a run on a loaded two-core machine, past the suite's 30 s for a test.
describe('livecue catalog', { timeout: 120_000 }, () => {
  it('merges by default, refuses a deleting replace without --yes, and undoes', async () => {
    const db = tmp.file('catalog.db');
    const fullCsv = tmp.file('full.csv');
    const oneCsv = tmp.file('one.csv');
    writeFileSync(fullCsv, catalogToCsv(full));
    writeFileSync(oneCsv, catalogToCsv({ products: [{ ...full.products[0]!, title: '精华 二代' }], buyingPoints: [] }));

    expect((await runCli(['catalog', 'import', '--db', db, '--file', fullCsv])).code).toBe(0);
    const merged = await runCli(['catalog', 'import', '--db', db, '--file', oneCsv]);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('products: 0 added, 1 changed, 0 deleted, 1 unchanged');

    const refused = await runCli(['catalog', 'import', '--db', db, '--file', oneCsv, '--mode', 'replace']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/- p2 {2}托特包/);
    expect(refused.stderr).toContain('--yes');

    const replaced = await runCli(['catalog', 'import', '--db', db, '--file', oneCsv, '--mode', 'replace', '--yes']);
    expect(replaced.code).toBe(0);
    const entry = /imported as entry (\d+)/.exec(replaced.stdout)?.[1];
    expect(entry).toBeDefined();

    const undone = await runCli(['catalog', 'undo', '--db', db, '--id', entry!]);
    expect(undone.code).toBe(0);
    expect(undone.stdout).toContain('products: 1 added, 0 changed, 0 deleted, 1 unchanged');
    const history = await runCli(['catalog', 'history', '--db', db]);
    expect(history.stdout.trim().split('\n')).toHaveLength(4);
    expect(history.stdout).toContain(`[undone by`);
  });

  it('says what is wrong with a file, in Chinese when asked, and changes nothing', async () => {
    const db = tmp.file('bad.db');
    const bad = tmp.file('bad.csv');
    writeFileSync(bad, catalogToCsv(full).replace('129.00', '九十九'));
    const zh = await runCli(['catalog', 'import', '--db', db, '--file', bad, '--lang', 'zh-CN']);
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('「九十九」不是以元为单位的价格');
    const en = await runCli(['catalog', 'import', '--db', db, '--file', bad]);
    expect(en.stderr).toContain('"九十九" is not a price in yuan');
    expect((await runCli(['catalog', 'history', '--db', db])).stdout).toBe('no imports yet\n');
  });

  it('imports FILE --db DB --json for scripts, naming the encoding it read (GB18030, as Excel on a Chinese Windows saves)', async () => {
    const db = tmp.file('json.db');
    const file = tmp.file('gbk.csv');
    writeFileSync(file, gb18030Of('类型,编号,商品名称,类目,价格（元）\r\n商品,sku-1,烟酰胺精华,护肤,129.9\r\n'));
    const result = await runCli(['catalog', 'import', file, '--db', db, '--json']);
    expect(result.code).toBe(0);
    const outcome = JSON.parse(result.stdout) as { imported: boolean; encoding: string; changes: { products: { added: { label: string }[] } } };
    expect(outcome).toMatchObject({ file: 'gbk.csv', format: 'csv', mode: 'merge', imported: true, encoding: 'GB18030' });
    expect(outcome.changes.products.added).toEqual([{ id: 'sku-1', label: '烟酰胺精华' }]);
  });

  it('exports the catalog by the extension, and the export imports back changing nothing', async () => {
    const db = tmp.file('export.db');
    const source = tmp.file('source.csv');
    writeFileSync(source, catalogToCsv(full));
    expect((await runCli(['catalog', 'import', source, '--db', db])).code).toBe(0);
    for (const extension of ['csv', 'xlsx']) {
      const exported = tmp.file(`exported.${extension}`);
      const written = await runCli(['catalog', 'export', exported, '--db', db]);
      expect(written.stdout).toBe(`wrote ${exported}: 2 product(s), 1 buying point(s)\n`);
      const again = await runCli(['catalog', 'import', exported, '--db', db, '--dry-run']);
      expect(again.stdout).toContain('products: 0 added, 0 changed, 0 deleted, 2 unchanged');
    }
    expect(readFileSync(tmp.file('exported.csv'), 'utf8')).toBe(catalogToCsv(full));
    const refused = await runCli(['catalog', 'export', tmp.file('catalog.pdf'), '--db', db]);
    expect(refused.code).toBe(1);
  });

  it('refuses a hostile or oversized file with one line, exit 1, and changes nothing', async () => {
    const db = tmp.file('hostile.db');
    const large = tmp.file('large.csv');
    writeFileSync(large, Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x2c));
    const files = [...(await hostileFiles()).filter((f) => f.name.startsWith('unclosed')), { name: 'large.csv', bytes: readFileSync(large) }];
    for (const hostile of files) {
      const path = tmp.file(hostile.name);
      writeFileSync(path, hostile.bytes);
      const result = await runCli(['catalog', 'import', path, '--db', db]);
      expect(result.code, hostile.name).toBe(1);
      expect(result.stderr.trim().split('\n'), hostile.name).toHaveLength(1);
      expect(result.stderr, hostile.name).toMatch(/not imported: .*the catalog is unchanged/);
    }
    expect((await runCli(['catalog', 'history', '--db', db])).stdout).toBe('no imports yet\n');
  });
});
