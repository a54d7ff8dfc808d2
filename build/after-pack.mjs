/**
 * electron-builder's afterPack hook (electron-builder.yml): flips the packaged
 * binary's Electron fuses before it is signed. The configuration and the flip
 * live in main/electron/fuses.ts, typed and tested; `npm run dist` builds
 * dist/ before it packs, so the compiled module is there.
 */
export { flipPackagedFuses as default } from '../dist/main/electron/fuses.js';
