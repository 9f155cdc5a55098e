/**
 * What the app window may navigate to, open, or be granted. Written against small structural
 * types rather than Electron classes so the rules are tested with plain objects.
 */
import { isTrustedUrl } from './app-url';
import { checkExternalUrl } from './external-url';

/** What the guards need to know and do. */
export interface NavigationPolicy {
  /** URL prefixes of the app's own pages (see trustedUrlPrefixes). */
  trustedPrefixes: readonly string[];
  /** Opens a vetted URL in the system browser or mail client. */
  openExternal: (url: string) => void;
}

/**
 * The only permissions the renderer gets: writing sanitized text to the clipboard (copy a
 * citation) and persistent storage (navigator.storage.persist keeps the library from eviction).
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write', 'persistent-storage'];

/** True when the renderer may be granted `permission`. */
export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission);
}

/** Hands `url` to the system when it is a web or mail link; anything else is dropped silently. */
function openIfExternal(url: string, policy: NavigationPolicy): void {
  const checked = checkExternalUrl(url);
  if (checked.ok) policy.openExternal(checked.value);
}

/**
 * Handler for will-navigate and will-redirect: the window stays on the app's own pages. A link
 * that would navigate away (an anchor in an imported HTML document, say) opens in the system
 * browser instead of replacing Lectern.
 */
export function navigationHandler(policy: NavigationPolicy) {
  return (event: { url: string; preventDefault: () => void }): void => {
    if (isTrustedUrl(event.url, policy.trustedPrefixes)) return;
    event.preventDefault();
    openIfExternal(event.url, policy);
  };
}

/**
 * Handler for will-frame-navigate: a frame inside the window (a page of an EPUB book) may show
 * only blob: documents the app made itself; a link inside it opens in the browser instead.
 */
export function frameNavigationHandler(policy: NavigationPolicy) {
  return (event: { url: string; isMainFrame: boolean; preventDefault: () => void }): void => {
    if (event.isMainFrame) return; // will-navigate rules the window itself
    if (event.url === 'about:blank') return;
    if (event.url.startsWith('blob:') && isTrustedUrl(event.url.slice('blob:'.length), policy.trustedPrefixes)) return;
    event.preventDefault();
    openIfExternal(event.url, policy);
  };
}

/** Handler for setWindowOpenHandler: no new Electron windows, ever; web links go to the browser. */
export function windowOpenHandler(policy: NavigationPolicy) {
  return (details: { url: string }): { action: 'deny' } => {
    openIfExternal(details.url, policy);
    return { action: 'deny' };
  };
}

/** The parts of WebContents the guards attach to. */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: { url: string; preventDefault: () => void }) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault: () => void }) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: { url: string; isMainFrame: boolean; preventDefault: () => void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/** Attaches every navigation guard to one WebContents. */
export function guardNavigation(contents: GuardableContents, policy: NavigationPolicy): void {
  const onNavigate = navigationHandler(policy);
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.on('will-frame-navigate', frameNavigationHandler(policy));
  // Lectern never uses <webview>; refusing it closes a way around the window's web preferences.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler(policy));
}

/** The parts of Session the permission policy is set on. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/** Denies every permission request and check except those in ALLOWED_PERMISSIONS. */
export function restrictPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(isPermissionAllowed(permission)));
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}
