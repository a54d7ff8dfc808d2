/**
 * The packaged binary's fuses: the configuration the afterPack hook
 * (build/after-pack.mjs) applies, the hook flipping a binary's fuse wire for real (with
 * @electron/fuses, on a file carrying Electron's sentinel and default wire,
 * since the Electron binary cannot be downloaded everywhere), and — where
 * `npm run dist` has packed the app into release/ — the fuses read back
 * from the packaged binary itself.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, getCurrentFuseWire, flipFuses, type FuseConfig } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import { electronFuses, flipPackagedFuses } from './fuses.js';

/** @electron/fuses' FuseState: the byte of a fuse on the wire. */
const ON = 49;
const OFF = 48;
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

const WANTED = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
} satisfies Record<keyof typeof FuseV1Options, boolean>;

const byName = (wire: FuseConfig<number>) =>
  Object.fromEntries(Object.keys(WANTED).map((name) => [name, wire[FuseV1Options[name as keyof typeof FuseV1Options]]]));
const wantedStates = Object.fromEntries(Object.entries(WANTED).map(([name, on]) => [name, on ? ON : OFF]));

const tmp = mkdtempSync(join(tmpdir(), 'livecue-fuses-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the Electron fuses of the packaged app', () => {
  it('sets every fuse of the wire, each the safe way', () => {
    expect(electronFuses.version).toBe(FuseVersion.V1);
    expect(electronFuses.strictlyRequireAllFuses).toBe(true);
    expect(byName(electronFuses as FuseConfig<boolean> as FuseConfig<number>)).toEqual(WANTED);
  });

  it('the afterPack hook flips them on a binary that carries Electron’s default wire, and refuses a wire with a fuse it does not know', async () => {
    // Electron's defaults: RunAsNode, NODE_OPTIONS, --inspect and file:// privileges on; the rest off.
    const defaults = [ON, OFF, ON, ON, OFF, OFF, OFF, ON];
    const binary = join(tmp, 'livecue');
    writeFileSync(binary, Buffer.concat([Buffer.from('ELF…'), Buffer.from(SENTINEL), Buffer.from([1, defaults.length, ...defaults]), Buffer.from('…')]));
    // electron-builder's packager knows where each platform's binary is; here it is the file above.
    const packager = { addElectronFuses: (_context: unknown, fuses: FuseConfig) => flipFuses(binary, fuses) };
    await flipPackagedFuses({ electronPlatformName: 'linux', arch: 1, packager } as never);
    expect(byName(await getCurrentFuseWire(binary))).toEqual(wantedStates);

    const longer = join(tmp, 'livecue-future');
    writeFileSync(longer, Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, defaults.length + 1, ...defaults, ON])]));
    const future = { addElectronFuses: (_context: unknown, fuses: FuseConfig) => flipFuses(longer, fuses) };
    await expect(flipPackagedFuses({ electronPlatformName: 'linux', arch: 1, packager: future } as never)).rejects.toThrow(/strictlyRequireAllFuses/);
  });

  const packaged = packagedBinaries();
  const reason = 'skipped: no packaged binary under release/ (run `npm run dist` on a machine that can download Electron)';
  if (packaged.length === 0) console.warn(`fuses.test.ts: the packaged binary's fuses are ${reason}`);
  it.skipIf(packaged.length === 0)(`reads the fuses back from the packaged binary ${packaged.length === 0 ? `(${reason})` : packaged.join(', ')}`, async () => {
    for (const binary of packaged) expect(byName(await getCurrentFuseWire(binary)), binary).toEqual(wantedStates);
  });
});

/** What `npm run dist` leaves in release/: the unpacked app of each platform built here. */
function packagedBinaries(): string[] {
  const release = new URL('../../release/', import.meta.url).pathname;
  if (!existsSync(release)) return [];
  // linux-unpacked/livecue, win-unpacked/LiveCue.exe, mac*/LiveCue.app (electron-builder.yml names them).
  return readdirSync(release).flatMap((folder) => ['livecue', 'LiveCue.exe', 'LiveCue.app'].map((name) => join(release, folder, name)).filter((file) => existsSync(file)));
}
