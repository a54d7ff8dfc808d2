import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gatewayTokenStore, KEYCHAIN_FILE, keychainUsable, PRIVATE_FILE, REWRITER_KEY, vaultSecretStore, type SafeStorageLike } from './token-vault.js';

/** Reversible "encryption" that never leaves the token readable in the file. */
function fakeSafeStorage(available = true, backend = 'gnome_libsecret'): SafeStorageLike & { broken: boolean } {
  return {
    broken: false,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text) => Buffer.from(`enc:${Buffer.from(text).toString('base64')}`),
    decryptString(data) {
      if (this.broken) throw new Error('key changed');
      return Buffer.from(data.toString().slice(4), 'base64').toString();
    },
  };
}

describe('gateway token store', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'livecue-vault-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('keeps the rewriter’s API key the same way, in its own file beside the token', () => {
    const token = gatewayTokenStore(folder, fakeSafeStorage(), () => {}, 'linux');
    const key = vaultSecretStore(REWRITER_KEY, folder, fakeSafeStorage(), () => {}, 'linux');
    token.write('gateway-s3cret');
    key.write('sk-s3cret');
    expect(readFileSync(join(folder, REWRITER_KEY.keychain), 'utf8')).not.toContain('sk-s3cret');
    expect(vaultSecretStore(REWRITER_KEY, folder, fakeSafeStorage(), () => {}, 'linux').read()).toBe('sk-s3cret');
    key.write(null);
    expect(gatewayTokenStore(folder, fakeSafeStorage(), () => {}, 'linux').read()).toBe('gateway-s3cret');
  });

  it('keeps the token encrypted with safeStorage, readable only by the user', () => {
    const store = gatewayTokenStore(folder, fakeSafeStorage(), () => {}, 'linux');
    expect(store.kind).toBe('os-keychain');
    expect(store.read()).toBeNull();
    store.write('s3cret');
    const file = join(folder, KEYCHAIN_FILE);
    expect(readFileSync(file, 'utf8')).not.toContain('s3cret');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(gatewayTokenStore(folder, fakeSafeStorage(), () => {}, 'linux').read()).toBe('s3cret');
    store.write(null);
    expect(existsSync(file)).toBe(false);
  });

  it('falls back to a private file where there is no real key store', () => {
    for (const storage of [fakeSafeStorage(false), fakeSafeStorage(true, 'basic_text')]) {
      const store = gatewayTokenStore(folder, storage, () => {}, 'linux');
      expect(store.kind).toBe('private-file');
      store.write('plain');
      expect(readFileSync(join(folder, PRIVATE_FILE), 'utf8')).toBe('plain');
      store.write(null);
    }
    // basic_text is only Linux's weak backend; elsewhere safeStorage is the keychain.
    expect(keychainUsable(fakeSafeStorage(true, 'basic_text'), 'darwin')).toBe(true);
  });

  it('moves a token from the private file into the keychain once one is available', () => {
    writeFileSync(join(folder, PRIVATE_FILE), 'old-token', { mode: 0o600 });
    const store = gatewayTokenStore(folder, fakeSafeStorage(), () => {}, 'linux');
    expect(store.read()).toBe('old-token');
    expect(existsSync(join(folder, PRIVATE_FILE))).toBe(false);
    expect(existsSync(join(folder, KEYCHAIN_FILE))).toBe(true);
  });

  it('asks for the token again when it can no longer be decrypted', () => {
    gatewayTokenStore(folder, fakeSafeStorage(), () => {}, 'linux').write('s3cret');
    const storage = fakeSafeStorage();
    storage.broken = true;
    const warnings: string[] = [];
    const store = gatewayTokenStore(folder, storage, (message) => warnings.push(message), 'linux');
    expect(store.read()).toBeNull();
    expect(warnings[0]).toMatch(/could not be decrypted/);
  });
});
