/**
 * `livecue serve --lan` as a phone on the Wi-Fi meets it: TLS on the port
 * (loopback included) with the certificate whose fingerprint it printed, the
 * same certificate after a restart, no plain HTTP unless --insecure-http.
 * A machine may have only loopback: the server binds 0.0.0.0 and 127.0.0.1
 * stands in for the network address; what needs a real network address runs
 * only where there is one.
 */
import { readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { BRIDGE_CHANNELS, type StateUpdate } from '../shared/api/bridge.js';
import { lanAddresses } from '../main/server/lan-addresses.js';
import { collect, runCli, spawnCli, tempDir, waitFor } from './helpers.js';

const tmp = tempDir('livecue-serve-tls-');
afterAll(() => tmp.remove());

const TOKEN = 'tls-access-token-0123456789abcdefghijkl';
const LAN = lanAddresses()[0];
const NO_LAN = 'skipped: this machine has no network address besides loopback';

async function startServe(args: string[]) {
  const child = spawnCli(['serve', '--demo', '--speed', '50', '--port', '0', '--access-token', TOKEN, ...args]);
  const result = collect(child, 30_000);
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const url = await waitFor(() => /^LIVECUE_URL=(\S+)$/m.exec(stdout)?.[1], 20_000);
  const stop = async () => {
    child.kill('SIGTERM');
    return result;
  };
  return { url, port: Number(new URL(url).port), stdout: () => stdout, stop };
}

const printedFingerprint = (stdout: string) => /^ {2}TLS certificate SHA-256 ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})/m.exec(stdout)?.[1];

/** The certificate a TLS client is shown at host:port, without trusting it first (as a phone's first visit). */
function peerFingerprint(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host, port, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate().fingerprint256);
      socket.end();
    });
    socket.on('error', reject);
  });
}

/** A plain-HTTP GET: resolves with the status, or with the error when no HTTP answer comes. */
function plainGet(host: string, port: number): Promise<{ status: number } | { error: string }> {
  return new Promise((resolve) => {
    const request = httpRequest({ host, port, path: '/', headers: { authorization: `Bearer ${TOKEN}` }, timeout: 5_000 }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0 });
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    request.end();
  });
}

/** An HTTPS GET that trusts exactly the kept certificate: the name (an IP) is checked against its subjectAltName. */
function trustedGet(url: string, ca: string, headers: Record<string, string> = {}): Promise<{ status: number; setCookie: string[] }> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(url, { ca, headers }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, setCookie: response.headers['set-cookie'] ?? [] });
    });
    request.on('error', reject);
    request.end();
  });
}

describe('livecue serve --lan', () => {
  const db = tmp.file('lan/live.db');
  const certFile = tmp.file('lan/tls/cert.pem');

  it('speaks TLS on every address with the certificate whose SHA-256 fingerprint it prints, and no plain HTTP', async () => {
    const serve = await startServe(['--lan', '--db', db]);
    try {
      expect(serve.url).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:\\d+/\\?token=${TOKEN}$`));
      const fingerprint = printedFingerprint(serve.stdout());
      expect(fingerprint, serve.stdout()).toBeDefined();
      expect(await peerFingerprint('127.0.0.1', serve.port)).toBe(fingerprint);
      for (const line of serve.stdout().split('\n').filter((text) => text.startsWith('  network'))) expect(line).toMatch(/ https:\/\//);

      const cert = readFileSync(certFile, 'utf8');
      expect(statSync(tmp.file('lan/tls/key.pem')).mode & 0o777).toBe(0o600);
      expect((await trustedGet(serve.url.replace(/\?.*/, ''), cert, { authorization: `Bearer ${TOKEN}` })).status).toBeOneOf([200, 503]);
      // The browser's cookie is marked Secure: it is never sent back over plain HTTP.
      const redirect = await trustedGet(serve.url, cert);
      expect(redirect.status).toBe(302);
      expect(redirect.setCookie.join('\n')).toMatch(/; Secure/);

      expect(await plainGet('127.0.0.1', serve.port)).toMatchObject({ error: expect.any(String) });

      // The bridge runs over the same TLS port: a socket.io client that trusts only this certificate gets the live state.
      const socket = connect(`${serve.url.replace(/\?.*/, '')}ui`, { ca: cert, extraHeaders: { authorization: `Bearer ${TOKEN}` }, reconnection: false, forceNew: true });
      try {
        const update = await new Promise<StateUpdate>((resolve, reject) => {
          socket.once(BRIDGE_CHANNELS.state, resolve);
          socket.once('connect_error', reject);
        });
        expect(update.kind).toBe('snapshot');
        // The console shows the same fingerprint beside a pairing link, for the user to compare with the phone's.
        const pairing = await socket.timeout(10_000).emitWithAck(BRIDGE_CHANNELS.request, 'addDevice', { name: 'Phone', role: 'view' });
        expect(pairing).toMatchObject({ ok: true, value: { url: expect.stringMatching(/^https:\/\//), certificateFingerprint: fingerprint } });
      } finally {
        socket.disconnect();
      }
    } finally {
      expect((await serve.stop()).code).toBe(0);
    }
  });

  it.skipIf(LAN === undefined)(`serves the same certificate on the network address, and no plain HTTP there (${LAN ?? NO_LAN})`, async () => {
    const serve = await startServe(['--lan', '--db', db]);
    try {
      expect(serve.stdout()).toContain(`  network   https://${LAN}:${serve.port}/?token=`);
      expect(await peerFingerprint(LAN!, serve.port)).toBe(printedFingerprint(serve.stdout()));
      expect((await trustedGet(`https://${LAN}:${serve.port}/`, readFileSync(certFile, 'utf8'), { authorization: `Bearer ${TOKEN}` })).status).toBeOneOf([200, 503]);
      expect(await plainGet(LAN!, serve.port)).toMatchObject({ error: expect.any(String) });
    } finally {
      await serve.stop();
    }
  });

  it('keeps its certificate across restarts: the fingerprint a phone trusted stays the same', async () => {
    const first = await startServe(['--lan', '--db', tmp.file('restart/live.db')]);
    const fingerprint = printedFingerprint(first.stdout());
    expect(first.stdout()).toMatch(/SHA-256 \S+ {3}\(new:/);
    await first.stop();
    const second = await startServe(['--lan', '--db', tmp.file('restart/live.db')]);
    try {
      expect(printedFingerprint(second.stdout())).toBe(fingerprint);
      expect(second.stdout()).not.toContain('(new:');
      expect(await peerFingerprint('127.0.0.1', second.port)).toBe(fingerprint);
    } finally {
      await second.stop();
    }
  });

  it('serves plain HTTP only with --insecure-http, and warns', async () => {
    const serve = await startServe(['--lan', '--insecure-http', '--db', tmp.file('insecure/live.db')]);
    try {
      expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      expect(serve.stdout()).not.toContain('SHA-256');
      expect(await plainGet(LAN ?? '127.0.0.1', serve.port)).toMatchObject({ status: expect.toBeOneOf([200, 503]) });
      const socket = connect(`${serve.url.replace(/\?.*/, '')}ui`, { extraHeaders: { authorization: `Bearer ${TOKEN}` }, reconnection: false, forceNew: true });
      try {
        const pairing = await socket.timeout(10_000).emitWithAck(BRIDGE_CHANNELS.request, 'addDevice', { name: 'Phone', role: 'view' });
        expect(pairing).toMatchObject({ ok: true, value: { url: expect.stringMatching(/^http:\/\//), certificateFingerprint: null } });
      } finally {
        socket.disconnect();
      }
    } finally {
      const { stderr } = await serve.stop();
      expect(stderr).toMatch(/warning: --insecure-http: plain HTTP on the network/);
    }
  });

  it('stays plain HTTP on loopback without --lan, and refuses --insecure-http there', async () => {
    const serve = await startServe(['--db', tmp.file('loopback/live.db')]);
    try {
      expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:/);
      expect(await plainGet('127.0.0.1', serve.port)).toMatchObject({ status: expect.toBeOneOf([200, 503]) });
    } finally {
      await serve.stop();
    }
    const refused = await runCli(['serve', '--insecure-http', '--db', tmp.file('loopback/live.db')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/--insecure-http.*only goes with --lan/);
  });
});
