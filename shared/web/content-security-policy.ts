/**
 * The one content-security policy of LiveCue's pages, sent by both hosts (the
 * desktop app's app:// protocol and the web host): the page loads only its own
 * scripts and talks only to its own origin; product images are the one thing
 * it shows from elsewhere (shops host them on their CDNs).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React writes style attributes; inline styles cannot run code.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https: http:",
  // 'self' covers the web host's own WebSocket (ws: and wss: to the same host and port).
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
