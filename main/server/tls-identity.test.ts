/**
 * The LAN certificate on disk: made once, private, reused; replaced only when
 * it cannot serve (unreadable, a key that does not match, about to expire).
 */
import { X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CERTIFICATE_DAYS, loadOrCreateTlsIdentity, tlsFolder } from './tls-identity.js';

const tmp = mkdtempSync(join(tmpdir(), 'livecue-tls-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const DAY_MS = 86_400_000;
let folders = 0;
const dataFolder = () => join(tmp, `data-${++folders}`);

describe('loadOrCreateTlsIdentity', () => {
  it('makes a certificate for localhost, loopback and the LAN addresses, valid 825 days, in files only this user can read', async () => {
    const folder = dataFolder();
    const identity = await loadOrCreateTlsIdentity(folder, ['192.168.1.20', '10.0.0.7']);
    expect(identity.created).toBe(true);
    const certificate = new X509Certificate(identity.cert);
    expect(certificate.subjectAltName?.split(', ')).toEqual(['DNS:localhost', 'IP Address:127.0.0.1', 'IP Address:0:0:0:0:0:0:0:1', 'IP Address:192.168.1.20', 'IP Address:10.0.0.7']);
    const days = (Date.parse(certificate.validTo) - Date.parse(certificate.validFrom)) / DAY_MS;
    expect(days).toBeCloseTo(CERTIFICATE_DAYS + 1, 0);
    expect(identity.fingerprint256).toBe(certificate.fingerprint256);
    expect(identity.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(readFileSync(join(tlsFolder(folder), 'cert.pem'), 'utf8')).toBe(identity.cert);
    expect(statSync(tlsFolder(folder)).mode & 0o777).toBe(0o700);
    for (const file of ['cert.pem', 'key.pem']) expect(statSync(join(tlsFolder(folder), file)).mode & 0o777, file).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('narrows a tls folder someone left open (0755) to 0700, whether it holds a certificate or not', async () => {
    const kept = dataFolder();
    await loadOrCreateTlsIdentity(kept, []);
    chmodSync(tlsFolder(kept), 0o755);
    expect((await loadOrCreateTlsIdentity(kept, [])).created).toBe(false);
    expect(statSync(tlsFolder(kept)).mode & 0o777).toBe(0o700);

    const empty = dataFolder();
    mkdirSync(tlsFolder(empty), { recursive: true, mode: 0o755 });
    chmodSync(tlsFolder(empty), 0o755);
    expect((await loadOrCreateTlsIdentity(empty, [])).created).toBe(true);
    expect(statSync(tlsFolder(empty)).mode & 0o777).toBe(0o700);
  });

  it('reuses the kept certificate at the next start, even when the network addresses changed', async () => {
    const folder = dataFolder();
    const first = await loadOrCreateTlsIdentity(folder, ['192.168.1.20']);
    const again = await loadOrCreateTlsIdentity(folder, ['172.16.0.9']);
    expect(again).toEqual({ ...first, created: false });
  });

  it('replaces a certificate that cannot serve: a damaged key, a key of another certificate, or one about to expire', async () => {
    const damaged = dataFolder();
    const before = await loadOrCreateTlsIdentity(damaged, []);
    writeFileSync(join(tlsFolder(damaged), 'key.pem'), 'not a key');
    const replaced = await loadOrCreateTlsIdentity(damaged, []);
    expect(replaced.created).toBe(true);
    expect(replaced.fingerprint256).not.toBe(before.fingerprint256);

    const mismatched = dataFolder();
    await loadOrCreateTlsIdentity(mismatched, []);
    writeFileSync(join(tlsFolder(mismatched), 'key.pem'), (await loadOrCreateTlsIdentity(dataFolder(), [])).key);
    expect((await loadOrCreateTlsIdentity(mismatched, [])).created).toBe(true);

    const ageing = dataFolder();
    const old = await loadOrCreateTlsIdentity(ageing, [], new Date(Date.now() - (CERTIFICATE_DAYS - 10) * DAY_MS));
    const renewed = await loadOrCreateTlsIdentity(ageing, []);
    expect(renewed.created).toBe(true);
    expect(renewed.fingerprint256).not.toBe(old.fingerprint256);
  });
});
