/**
 * The packaged desktop binary's Electron fuses, flipped when electron-builder
 * packs the app (build/after-pack.mjs, the afterPack hook, runs the compiled
 * copy of this module; docs/SECURITY.md, "The desktop binary"). Each fuse
 * closes a way to run other code under the app's identity (its keychain
 * entries, its signature, its firewall rule) or to read what it keeps.
 * Packaging only: the app never imports this module, and it is left out of
 * the package (electron-builder.yml).
 */
import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';
import type { AfterPackContext } from 'electron-builder';

/**
 * Every fuse of the wire is set: with `strictlyRequireAllFuses`, an Electron
 * that adds a fuse fails the packaging until it is decided here, instead of
 * shipping with Electron's default for it.
 */
export const electronFuses = Object.freeze({
  version: FuseVersion.V1,
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE=1 would make the signed binary a plain Node that runs any script.
  [FuseV1Options.RunAsNode]: false,
  // The web views' cookies encrypted at rest with the OS key store.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS (--require, --import) would load code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and its kin would open a debugger on the main process to whoever starts it so.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash electron-builder embeds (Electron checks on macOS and Windows only).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only app.asar is loaded, never an app folder planted beside it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // Electron's default: LiveCue ships no V8 snapshot of its own.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // file:// pages get no more than in a browser; the app's own pages come over its app:// scheme.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} satisfies FuseV1Config);

/** electron-builder's Arch.arm64 (builder-util), without importing electron-builder at run time. */
const ARM64 = 3;

/**
 * The afterPack hook: electron-builder's packager knows where the binary is
 * on each platform. Flipping fuses breaks a macOS arm64 binary's ad-hoc
 * signature, so that one is signed again ad hoc; the real signature comes
 * after this hook.
 */
export async function flipPackagedFuses(context: Pick<AfterPackContext, 'electronPlatformName' | 'arch' | 'packager'>): Promise<void> {
  const resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === ARM64;
  await context.packager.addElectronFuses(context as AfterPackContext, { ...electronFuses, resetAdHocDarwinSignature });
}
