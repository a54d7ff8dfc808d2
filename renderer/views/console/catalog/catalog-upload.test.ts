/**
 * What the import dialog gets from the web host's upload route: the host's
 * own reply, a refusal the route writes (JSON), or one the access gate writes
 * in plain text — each a BridgeReply whose message can be shown, never a
 * JSON parse error. The answers are the ones the host sends (test/catalog-upload.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { FakeBridge } from '../../../testing/fake-bridge.js';
import { sendCatalogFile, type FetchFile } from './catalog-upload.js';

const webBridge = new FakeBridge('web');
const answering = (status: number, body: string, contentType: string): FetchFile => () => Promise.resolve(new Response(body, { status, headers: { 'Content-Type': contentType } }));
const preview = (fetchFile: FetchFile) => sendCatalogFile(webBridge, 'previewCatalogImport', { format: 'csv', data: new Uint8Array([0x61]) }, fetchFile);

describe('sendCatalogFile over the web host', () => {
  it('shows the route\'s refusal of a view device as it is', async () => {
    const body = JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'OBS is a view device: previewCatalogImport needs a control device' } });
    expect(await preview(answering(403, body, 'application/json'))).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'OBS is a view device: previewCatalogImport needs a control device' },
    });
  });

  it('turns the gate\'s plain-text refusals into errors with their text', async () => {
    expect(await preview(answering(401, 'unauthorized: open the address `livecue serve` printed\n', 'text/plain'))).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'unauthorized: open the address `livecue serve` printed' },
    });
    expect(await preview(answering(503, 'the device list is busy or unavailable: try again in a moment\n', 'text/plain'))).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  it('still calls a 200 that is not a reply malformed', async () => {
    expect(await preview(answering(200, '<html>', 'text/html'))).toMatchObject({ ok: false, error: { code: 'internal', message: 'the host sent a malformed reply' } });
  });
});
