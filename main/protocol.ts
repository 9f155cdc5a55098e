/**
 * Serves the built renderer from disk for the `lectern://app/` scheme. Pure Node (fs, path,
 * web Response), so it is tested without Electron; index.ts hands it to protocol.handle.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './app-url';
import { mimeTypeFor } from './mime-types';

function baseHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // Built files change only with an update; revalidating keeps an updated app from mixing versions.
    'Cache-Control': 'no-cache',
  });
}

function errorResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: baseHeaders('text/plain; charset=utf-8') });
}

/**
 * Maps a request path onto a file under `root`, or null when the decoded path would leave it.
 * Decoding happens before resolving, so "%2e%2e%2f" and "..%5c" are caught like "../".
 */
export function resolveAppPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  if (decoded.endsWith('/')) decoded += 'index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${path.sep}${decoded}`);
  return file.startsWith(base + path.sep) ? file : null;
}

async function fileSize(file: string): Promise<number | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}

/**
 * Answers one request for the app scheme from the files under `root`. Paths without an
 * extension that match no file get index.html, so a reload on a client-side route still works.
 * Every response, errors included, carries the Content-Security-Policy.
 */
export async function serveAppRequest(request: Request, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405, 'Method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return errorResponse(400, 'Bad request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return errorResponse(404, 'Not found');

  let file = resolveAppPath(root, url.pathname);
  if (file === null) return errorResponse(403, 'Forbidden');
  let size = await fileSize(file);
  if (size === null && path.extname(file) === '') {
    file = path.join(path.resolve(root), 'index.html');
    size = await fileSize(file);
  }
  if (size === null) return errorResponse(404, 'Not found');

  const headers = baseHeaders(mimeTypeFor(file));
  headers.set('Content-Length', String(size));
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
  const body = Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>;
  return new Response(body, { status: 200, headers });
}
