/**
 * `livecue catalog` on a real database file: a merge is the default and
 * keeps what the file does not list, a replace that deletes needs --yes,
 * problems are worded in the language asked for, and an import can be undone.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogToCsv } from '../shared/catalog/file-layout.js';
import type { Catalog } from '../shared/catalog/catalog.js';
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

describe('livecue catalog', () => {
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
});
