/**
 * The one Content-Security-Policy of the renderer: sent as a header by the Electron protocol
 * handler and put in a meta tag by the renderer build, so the desktop app and the web build are
 * held to the same rules. 'unsafe-inline' styles are allowed because React style props and the
 * reader's highlight layers set inline styles; scripts never are, and nothing is loaded from
 * elsewhere. The one kind of frame is an EPUB page: a blob: document made from a sanitized
 * chapter, which inherits this policy, so its scripts cannot run either; its stylesheets, fonts
 * and pictures are blob: URLs of the book's own files.
 *
 * connect-src admits the sync server a student configures (off by default; the settings say
 * where): its WebSocket and, for the documents' blobs, the same host over http(s). The policy is
 * fixed at build time (the web build's meta tag cannot follow a setting), so it names kinds of
 * server rather than one: unencrypted ws:// and http:// only to this machine (127.0.0.1 and
 * localhost, any port: a student's own server), and any server over wss:// and https:// (a
 * department's). A plain-text address to another machine is refused here as well as by the
 * settings, so a token never crosses a network in clear. Nothing connects while sync is off.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline' blob:",
  "img-src 'self' data: blob:",
  "font-src 'self' data: blob:",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:* http://127.0.0.1:* http://localhost:* wss: https:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src blob:",
  "form-action 'none'",
].join('; ');
