/**
 * The one Content-Security-Policy of the renderer: sent as a header by the Electron protocol
 * handler and put in a meta tag by the renderer build, so the desktop app and the web build are
 * held to the same rules. 'unsafe-inline' styles are allowed because React style props and the
 * reader's highlight layers set inline styles; scripts never are, and nothing is loaded from
 * elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
].join('; ');
