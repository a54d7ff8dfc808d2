import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from './app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/web/content-security-policy.js';

describe('app:// protocol', () => {
  let base: string;
  let root: string;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'livecue-protocol-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'index.js'), 'export {};');
    writeFileSync(join(base, 'secret.txt'), 'not for pages');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => serveAppRequest({ url, method }, root);

  it('serves the pages and their assets with the CSP and a JavaScript type for modules', async () => {
    for (const url of ['app://livecue/', 'app://livecue/overlay']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toContain('id="root"');
    }
    const script = await get('app://livecue/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404, with the CSP, for missing files and anything outside the root', async () => {
    for (const url of ['app://livecue/missing.js', 'app://livecue/..%2Fsecret.txt', 'app://livecue/%2e%2e/secret.txt', 'app://elsewhere/index.html']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('not for pages');
    }
  });

  it('reads only', async () => {
    expect((await get('app://livecue/', 'POST')).status).toBe(405);
    const head = await get('app://livecue/', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
