/**
 * The sync server's plain HTTP side, on the WebSocket's port: content-addressed blobs.
 *   PUT  /blobs/<library>/<sha256>  body = the bytes; 400 when their SHA-256 is not the name,
 *                                   413 past the size limit (reading stops there), 201 or 200
 *   GET  /blobs/<library>/<sha256>  200 application/octet-stream, or 404
 *   HEAD /blobs/<library>/<sha256>  200 or 404
 * Every request carries `Authorization: Bearer <library token>`; a wrong or missing one is 401
 * with JSON { error }. Any other path is 404. CORS is open (auth is by header, never cookies).
 * A bad request gets an answer and one log line; it never stops the server.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkAccess } from './libraries';
import type { SyncStore } from './store';

export const DEFAULT_MAX_BLOB_BYTES = 200 * 1024 * 1024;

export interface BlobRouteOptions {
  dataDir: string;
  store: SyncStore;
  maxBlobBytes: number;
  log: (line: string) => void;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Allow-Methods': 'GET, PUT, HEAD, OPTIONS',
  'Access-Control-Expose-Headers': 'Content-Length',
  'Access-Control-Max-Age': '600',
};

const BLOB_PATH = /^\/blobs\/([^/]+)\/([^/]+)$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

function sendJson(response: ServerResponse, status: number, body: Record<string, unknown>, extra: Record<string, string> = {}): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...CORS_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    ...extra,
  });
  response.end(text);
}

function bearerToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

type BodyResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'aborted' };

/** Reads a request body, giving up as soon as it passes `limit` bytes. */
function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      request.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        chunks.length = 0;
        request.pause();
        finish({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => finish({ ok: true, bytes: new Uint8Array(Buffer.concat(chunks, size)) }));
    request.on('aborted', () => finish({ ok: false, reason: 'aborted' }));
    request.on('error', () => finish({ ok: false, reason: 'aborted' }));
    request.on('close', () => finish({ ok: false, reason: 'aborted' }));
  });
}

function tooLarge(response: ServerResponse, request: IncomingMessage, limit: number): void {
  // The rest of the body is never read: answer, then close the connection.
  sendJson(response, 413, { error: `The file is larger than the server accepts (${limit} bytes).` }, { Connection: 'close' });
  response.on('finish', () => request.destroy());
}

/** Answers one plain HTTP request. Never rejects. */
export async function handleHttpRequest(request: IncomingMessage, response: ServerResponse, options: BlobRouteOptions): Promise<void> {
  const method = request.method ?? 'GET';
  let path: string;
  try {
    path = new URL(request.url ?? '/', 'http://localhost').pathname;
  } catch {
    options.log(`Refused a request with a malformed address (${method}).`);
    sendJson(response, 400, { error: 'The address of the request is malformed.' });
    return;
  }
  try {
    const match = BLOB_PATH.exec(path);
    if (!match) {
      sendJson(response, 404, { error: 'Not found.' });
      return;
    }
    if (method === 'OPTIONS') {
      response.writeHead(204, { ...CORS_HEADERS, 'Content-Length': '0' });
      response.end();
      return;
    }
    if (method !== 'GET' && method !== 'HEAD' && method !== 'PUT') {
      sendJson(response, 405, { error: `${method} is not allowed here.` }, { Allow: 'GET, PUT, HEAD, OPTIONS' });
      return;
    }
    const library = match[1] ?? '';
    const sha = match[2] ?? '';
    const access = await checkAccess(options.dataDir, library, bearerToken(request));
    if (!access.ok) {
      if (access.serverFault) options.log(access.message);
      if (access.serverFault) sendJson(response, 503, { error: access.message });
      else sendJson(response, 401, { error: access.message }, { 'WWW-Authenticate': 'Bearer' });
      return;
    }
    if (!SHA256_HEX.test(sha)) {
      sendJson(response, 400, { error: 'A blob is named by the SHA-256 of its bytes, in lowercase hexadecimal.' });
      return;
    }

    if (method === 'PUT') {
      const declared = Number(request.headers['content-length']);
      if (Number.isFinite(declared) && declared > options.maxBlobBytes) {
        tooLarge(response, request, options.maxBlobBytes);
        return;
      }
      const body = await readBody(request, options.maxBlobBytes);
      if (!body.ok) {
        if (body.reason === 'too-large') tooLarge(response, request, options.maxBlobBytes);
        else options.log(`An upload of ${library}/${sha} stopped before its end; nothing was kept.`);
        return;
      }
      const actual = createHash('sha256').update(body.bytes).digest('hex');
      if (actual !== sha) {
        options.log(`Refused an upload to ${library}/${sha}: its bytes have SHA-256 ${actual}.`);
        sendJson(response, 400, { error: 'The SHA-256 of the uploaded bytes is not the name of the blob.' });
        return;
      }
      let added: boolean;
      try {
        added = options.store.putBlob(library, sha, body.bytes);
      } catch (error) {
        // SQLITE_FULL (13): the disk is full; the client tries again later.
        if ((error as { errcode?: unknown } | null)?.errcode === 13) {
          options.log(`Could not keep ${library}/${sha}: the disk is full.`);
          sendJson(response, 507, { error: 'The sync server has no room left for files.' });
          return;
        }
        throw error;
      }
      sendJson(response, added ? 201 : 200, { sha, size: body.bytes.byteLength });
      return;
    }

    if (method === 'HEAD') {
      const size = options.store.blobSize(library, sha);
      response.writeHead(size === null ? 404 : 200, {
        ...CORS_HEADERS,
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(size ?? 0),
        'Cache-Control': 'no-store',
      });
      response.end();
      return;
    }

    const bytes = options.store.getBlob(library, sha);
    if (!bytes) {
      sendJson(response, 404, { error: 'The server has no blob of that name in this library.' });
      return;
    }
    response.writeHead(200, {
      ...CORS_HEADERS,
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'no-store',
    });
    response.end(bytes);
  } catch (error) {
    options.log(`A ${method} ${path.slice(0, 200)} failed: ${error instanceof Error ? error.message : String(error)}`);
    if (!response.headersSent) sendJson(response, 500, { error: 'The sync server could not answer this request.' });
    else response.destroy();
  }
}
