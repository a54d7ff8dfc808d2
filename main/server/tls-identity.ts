/**
 * The web host's TLS certificate for `--lan`: self-signed, made once per
 * installation and kept beside the database (<folder>/tls/cert.pem and
 * key.pem, 0600 in a 0700 folder), then reused at every start. A phone that
 * trusted it once (after comparing the SHA-256 fingerprint `livecue serve`
 * prints with the one the phone shows) keeps trusting it; a new certificate
 * at every start would teach the team to click warnings away.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsIdentity {
  cert: string;
  key: string;
  /** SHA-256 of the certificate as browsers show it: colon-separated upper-case hex. */
  fingerprint256: string;
  /** Made at this start (nothing usable was kept), rather than reused. */
  created: boolean;
}

/** The longest validity Apple's platforms accept for a TLS server certificate; browsers elsewhere take it too. */
export const CERTIFICATE_DAYS = 825;
/** A certificate this close to its end is replaced rather than left to expire in the middle of a stream. */
const RENEW_BEFORE_DAYS = 30;
const DAY_MS = 86_400_000;

export const tlsFolder = (dataFolder: string): string => join(dataFolder, 'tls');

/**
 * The kept certificate, or a new one when there is none, it cannot be read,
 * its key does not match, or it is about to expire. `addresses` (this
 * machine's LAN IPs) go into a new certificate's subjectAltName beside
 * localhost, 127.0.0.1 and ::1; a kept certificate is not remade for a new
 * address, since a remade one is a new fingerprint to trust.
 */
export async function loadOrCreateTlsIdentity(dataFolder: string, addresses: string[], now = new Date()): Promise<TlsIdentity> {
  const folder = tlsFolder(dataFolder);
  const certFile = join(folder, 'cert.pem');
  const keyFile = join(folder, 'key.pem');
  const kept = readKept(certFile, keyFile, now);
  if (kept !== null) {
    // Someone may have copied the files in, or made the folder, with a looser mode. `tls/` is LiveCue's own folder.
    chmodSync(folder, 0o700);
    chmodSync(keyFile, 0o600);
    chmodSync(certFile, 0o600);
    return { ...kept, created: false };
  }
  const made = await makeCertificate(addresses, now);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // mkdir leaves an existing folder's mode as it was.
  chmodSync(folder, 0o700);
  writePrivate(keyFile, made.key);
  writePrivate(certFile, made.cert);
  return { ...made, fingerprint256: new X509Certificate(made.cert).fingerprint256, created: true };
}

function readKept(certFile: string, keyFile: string, now: Date): Omit<TlsIdentity, 'created'> | null {
  if (!existsSync(certFile) || !existsSync(keyFile)) return null;
  try {
    const cert = readFileSync(certFile, 'utf8');
    const key = readFileSync(keyFile, 'utf8');
    const x509 = new X509Certificate(cert);
    if (!x509.checkPrivateKey(createPrivateKey(key))) return null;
    if (new Date(x509.validTo).getTime() - now.getTime() < RENEW_BEFORE_DAYS * DAY_MS) return null;
    return { cert, key, fingerprint256: x509.fingerprint256 };
  } catch {
    return null;
  }
}

async function makeCertificate(addresses: string[], now: Date): Promise<{ cert: string; key: string }> {
  const ips = [...new Set(['127.0.0.1', '::1', ...addresses])];
  const pems = await generate([{ name: 'commonName', value: 'LiveCue' }], {
    // P-256: every browser and phone takes it, and it is made in milliseconds (RSA in pure JS takes seconds).
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    // A day back: a phone whose clock runs behind still takes it.
    notBeforeDate: new Date(now.getTime() - DAY_MS),
    notAfterDate: new Date(now.getTime() + CERTIFICATE_DAYS * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, ...ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

/** Written whole or not at all (a temporary file renamed), readable by this user only. */
function writePrivate(file: string, text: string): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}
