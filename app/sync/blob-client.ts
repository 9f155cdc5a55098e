/**
 * Content-addressed blobs on the sync server: a document's package and its original file, each
 * named by the SHA-256 of its bytes, under `/blobs/<library>/<sha256>` with the library's token.
 * Every failure becomes a sentence a student can act on; what is downloaded is hashed and
 * refused unless it is exactly the blob asked for.
 */
import { sha256Hex } from '../documents/hash';

/** The largest blob moved by default: an original file of 200 MB and a little room. */
export const DEFAULT_MAX_BLOB_BYTES = 210 * 1024 * 1024;

/** A blob name: the SHA-256 of its bytes, lower-case hex. */
export const BLOB_SHA = /^[0-9a-f]{64}$/;

/** Reads, writes and asks after blobs of one library on one server. */
export interface BlobClient {
  /** Stores `bytes` as `sha` (the caller has hashed them). */
  put(sha: string, bytes: Uint8Array): Promise<void>;
  /** The blob's bytes, checked against `sha`; null when the server has no such blob. */
  get(sha: string): Promise<Uint8Array | null>;
  /** Whether the server has the blob. */
  has(sha: string): Promise<boolean>;
}

export interface BlobClientOptions {
  /** The sync server, ws:// or wss:// (http:// and https:// are taken as they are). */
  serverUrl: string;
  library: string;
  token: string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** The largest blob sent or accepted; defaults to DEFAULT_MAX_BLOB_BYTES. */
  maxBytes?: number;
}

const UNREACHABLE = 'The sync server cannot be reached. Lectern tries again when it is back.';

/** The server did not answer (network down, server stopped): worth trying again later, unlike a refusal. */
export class SyncServerUnreachable extends Error {
  constructor() {
    super(UNREACHABLE);
    this.name = 'SyncServerUnreachable';
  }
}

/** Whether `error` says the server could not be reached (rather than refused or sent something wrong). */
export function isUnreachable(error: unknown): boolean {
  return error instanceof SyncServerUnreachable;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

/** The HTTP address blobs live under, from the sync server's address. */
export function blobBaseUrl(serverUrl: string): string {
  let url: URL;
  try {
    url = new URL(serverUrl.trim());
  } catch {
    throw new Error(`“${serverUrl}” is not a sync server address. It looks like ws://127.0.0.1:8787.`);
  }
  const protocol = { 'ws:': 'http:', 'wss:': 'https:', 'http:': 'http:', 'https:': 'https:' }[url.protocol];
  if (!protocol) throw new Error(`“${serverUrl}” is not a sync server address: it must start with ws:// or wss://.`);
  const path = url.pathname.replace(/\/+$/, '');
  return `${protocol}//${url.host}${path}/blobs`;
}

/** Creates a client for one library's blobs. */
export function createBlobClient(options: BlobClientOptions): BlobClient {
  const base = blobBaseUrl(options.serverUrl);
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BLOB_BYTES;
  const { library, token } = options;

  function urlOf(sha: string): string {
    if (!BLOB_SHA.test(sha)) throw new Error(`“${sha.slice(0, 80)}” is not the name of a blob: Lectern names blobs by their SHA-256.`);
    return `${base}/${encodeURIComponent(library)}/${sha}`;
  }

  async function request(method: 'GET' | 'PUT' | 'HEAD', sha: string, body?: Uint8Array): Promise<Response> {
    const url = urlOf(sha);
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (body) headers['Content-Type'] = 'application/octet-stream';
    try {
      return await doFetch(url, { method, headers, ...(body ? { body: body as Uint8Array<ArrayBuffer> } : {}) });
    } catch {
      throw new SyncServerUnreachable();
    }
  }

  function refusal(response: Response, size?: number): Error {
    const { status } = response;
    if (status === 401 || status === 403)
      return new Error(`The sync server refused the token for the library “${library}”. Check the library name and token in Lectern’s sync settings.`);
    if (status === 413)
      return new Error(`The sync server refused a file${size === undefined ? '' : ` of ${megabytes(size)}`} as too large. Its operator can raise the server’s limit.`);
    if (status === 507) return new Error('The sync server has no room left for files. Its operator must free some space.');
    if (status === 400 && size !== undefined) return new Error('The sync server refused a file whose contents do not match its name. Nothing was stored there.');
    if (status >= 500) return new Error(`The sync server failed to answer (status ${status}). Lectern tries again later.`);
    return new Error(`The sync server refused the request (status ${status}).`);
  }

  /** Reads a body, stopping as soon as it passes the limit. */
  async function readBody(response: Response): Promise<Uint8Array> {
    const declared = Number(response.headers.get('content-length'));
    const tooLarge = () => new Error(`The sync server sent a file of more than ${megabytes(maxBytes)}, larger than Lectern accepts. Nothing was written.`);
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge();
    }
    if (!response.body) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > maxBytes) throw tooLarge();
      return bytes;
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        throw new SyncServerUnreachable();
      }
      if (next.done) break;
      total += next.value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(next.value);
    }
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    return bytes;
  }

  return {
    async put(sha, bytes) {
      if (bytes.byteLength > maxBytes) throw new Error(`A file of ${megabytes(bytes.byteLength)} is larger than the ${megabytes(maxBytes)} Lectern sends to the sync server.`);
      const response = await request('PUT', sha, bytes);
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) throw refusal(response, bytes.byteLength);
    },

    async get(sha) {
      const response = await request('GET', sha);
      if (response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        return null;
      }
      if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw refusal(response);
      }
      const bytes = await readBody(response);
      if ((await sha256Hex(bytes)) !== sha)
        throw new Error('The sync server sent a file that is not the one asked for (its SHA-256 differs). Nothing was written.');
      return bytes;
    },

    async has(sha) {
      const response = await request('HEAD', sha);
      await response.body?.cancel().catch(() => undefined);
      if (response.status === 404) return false;
      if (!response.ok) throw refusal(response);
      return true;
    },
  };
}
