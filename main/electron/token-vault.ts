/**
 * Where the desktop app keeps the gateway token (and, the same way, the AI
 * line rewriter's API key): encrypted with Electron's safeStorage (the OS
 * keychain: Keychain, DPAPI, libsecret/kwallet) in userData/gateway-token.bin.
 * Where safeStorage has no real key store (no keyring on Linux: its
 * "basic_text" backend encrypts with a constant password) the token goes to a
 * file only this user can read, and the settings screen says so.
 * Electron-free: main passes safeStorage in.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { privateFileSecretStore, type SecretStore } from '../app/secrets.js';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend(): string;
}

/** One secret's files in userData: encrypted, and the private plain file used without a keychain. */
interface SecretFiles {
  keychain: string;
  plain: string;
  /** As named in a warning. */
  name: string;
}

export const KEYCHAIN_FILE = 'gateway-token.bin';
export const PRIVATE_FILE = 'gateway-token';
const GATEWAY_TOKEN: SecretFiles = { keychain: KEYCHAIN_FILE, plain: PRIVATE_FILE, name: 'gateway token' };
export const REWRITER_KEY: SecretFiles = { keychain: 'rewriter-key.bin', plain: 'rewriter-key', name: 'rewriter API key' };

export function keychainUsable(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

export function gatewayTokenStore(
  folder: string,
  safeStorage: SafeStorageLike,
  onWarning: (message: string) => void = () => {},
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  return vaultSecretStore(GATEWAY_TOKEN, folder, safeStorage, onWarning, platform);
}

export function vaultSecretStore(
  files: SecretFiles,
  folder: string,
  safeStorage: SafeStorageLike,
  onWarning: (message: string) => void = () => {},
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  const plain = privateFileSecretStore(join(folder, files.plain));
  if (!keychainUsable(safeStorage, platform)) return plain;

  const file = join(folder, files.keychain);
  const save = (token: string | null): void => {
    if (token === null) {
      rmSync(file, { force: true });
      return;
    }
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, safeStorage.encryptString(token), { mode: 0o600 });
    renameSync(temporary, file);
  };

  // Decrypted once: the core asks for the token at every start and source switch.
  let token: string | null = null;
  if (existsSync(file)) {
    try {
      token = safeStorage.decryptString(readFileSync(file)) || null;
    } catch (error) {
      onWarning(`the stored ${files.name} could not be decrypted (${(error as Error).message}); enter it again in settings`);
    }
  }
  // A token kept in the plain file while no keychain was available moves into it.
  const legacy = plain.read();
  if (legacy !== null) {
    if (token === null) {
      token = legacy;
      save(token);
    }
    plain.write(null);
  }

  return {
    kind: 'os-keychain',
    read: () => token,
    write(next) {
      save(next);
      token = next;
    },
  };
}
