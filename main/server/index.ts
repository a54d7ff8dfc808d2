/** The web host: the renderer and the app's bridge over HTTP and socket.io, behind an access token. */
export { startWebHost, type WebHost, type WebHostOptions } from './web-host.js';
export { accessTokenSchema, generateAccessToken } from './access-token.js';
export { newSecret } from './device-directory.js';
export { pairingLink } from './pairing-link.js';
export { lanAddresses } from './lan-addresses.js';
export { defaultRendererDir } from './renderer-files.js';
