/**
 * The one Content-Security-Policy of the renderer: sent as a header by the Electron protocol
 * handler and put in a meta tag by the renderer build, so the desktop app and the web build are
 * held to the same rules. 'unsafe-inline' styles are allowed because React style props and the
 * reader's highlight layers set inline styles; scripts never are, and nothing is loaded from
 * elsewhere. The one kind of frame is an EPUB page: a blob: document made from a sanitized
 * chapter, which inherits this policy, so its scripts cannot run either; its stylesheets, fonts
 * and pictures are blob: URLs of the book's own files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline' blob:",
  "img-src 'self' data: blob:",
  "font-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src blob:",
  "form-action 'none'",
].join('; ');
