/**
 * Where a host keeps the gateway token. Electron passes one backed by the OS
 * keychain (safeStorage); headless hosts keep it in a file only the user can
 * read, and say so in the settings screen.
 */
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { SettingsView } from '../../shared/api/settings.js';

export interface SecretStore {
  readonly kind: SettingsView['tokenStorage'];
  read(): string | null;
  /** null forgets the secret. */
  write(secret: string | null): void;
}

export function privateFileSecretStore(file: string): SecretStore {
  return {
    kind: 'private-file',
    read: () => (existsSync(file) ? readFileSync(file, 'utf8') || null : null),
    write(secret) {
      if (secret === null) {
        rmSync(file, { force: true });
        return;
      }
      writeFileSync(file, secret, { mode: 0o600 });
      // writeFileSync keeps the mode of an existing file; make sure it is private either way.
      chmodSync(file, 0o600);
    },
  };
}

/** For hosts given the token on the command line: nothing is written anywhere. */
export function memorySecretStore(initial: string | null = null): SecretStore {
  let secret = initial;
  return {
    kind: 'none',
    read: () => secret,
    write(next) {
      secret = next;
    },
  };
}
