/**
 * Where Lectern's own pages live. The app is served from a custom standard, secure scheme so
 * IndexedDB keeps one stable origin across updates and installs.
 */

/** The custom scheme the renderer is served from. */
export const APP_SCHEME = 'lectern';

/** The only host the scheme serves. */
export const APP_HOST = 'app';

/** Every page of the app starts with this prefix. */
export const APP_URL_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;

/** The page the window loads in a built app. */
export const APP_ENTRY_URL = `${APP_URL_PREFIX}index.html`;

/** Sent with every response of the app scheme (shared with the renderer build). */
export { CONTENT_SECURITY_POLICY } from '../app/security/content-security-policy';

/**
 * The prefixes a trusted page URL may start with: the app scheme, plus the dev server's origin
 * when electron-vite runs one. The dev URL is reduced to its origin and a slash, so that
 * "http://localhost:5173.evil.example" does not pass as "http://localhost:5173".
 */
export function trustedUrlPrefixes(devServerUrl: string | undefined): string[] {
  const prefixes = [APP_URL_PREFIX];
  if (devServerUrl) {
    try {
      const origin = new URL(devServerUrl).origin;
      if (origin !== 'null') prefixes.push(`${origin}/`);
    } catch {
      // An unparsable dev URL is simply not trusted.
    }
  }
  return prefixes;
}

/** True when `url` is one of the app's own pages. */
export function isTrustedUrl(url: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => url.startsWith(prefix));
}
