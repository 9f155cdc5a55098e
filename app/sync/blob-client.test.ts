import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../documents/hash';
import { blobBaseUrl, createBlobClient, isUnreachable } from './blob-client';

interface Seen {
  url: string;
  method: string;
  authorization: string | null;
  body: Uint8Array | null;
}

/** A fetch that answers every request with `answer` and records what it was asked. */
function fakeFetch(answer: (seen: Seen) => Response | Promise<Response>): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const answering = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const body = init?.body ? new Uint8Array(init.body as Uint8Array) : null;
    const entry = { url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, method: init?.method ?? 'GET', authorization: headers.get('authorization'), body };
    seen.push(entry);
    return answer(entry);
  }) as typeof fetch;
  return { fetch: answering, seen };
}

const bytes = new TextEncoder().encode('the bytes of a blob');
let sha: string;

async function shaOf(data: Uint8Array): Promise<string> {
  return sha256Hex(data);
}

async function client(answer: (seen: Seen) => Response | Promise<Response>, maxBytes?: number) {
  sha = await shaOf(bytes);
  const fake = fakeFetch(answer);
  return { blobs: createBlobClient({ serverUrl: 'ws://127.0.0.1:8787', library: 'study-group', token: 'tok-123', fetch: fake.fetch, ...(maxBytes ? { maxBytes } : {}) }), seen: fake.seen };
}

describe('blobBaseUrl', () => {
  it('maps ws:// to http:// and wss:// to https://, keeping host, port and path', () => {
    expect(blobBaseUrl('ws://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/blobs');
    expect(blobBaseUrl('wss://sync.example.org/lectern/')).toBe('https://sync.example.org/lectern/blobs');
  });

  it('refuses an address that is not a sync server’s with a sentence', () => {
    expect(() => blobBaseUrl('ftp://example.org')).toThrow(/must start with ws:\/\/ or wss:\/\//);
    expect(() => blobBaseUrl('not an address')).toThrow(/is not a sync server address/);
  });
});

describe('createBlobClient', () => {
  it('puts, gets and asks with the library’s token at /blobs/<library>/<sha256>', async () => {
    const stored = new Map<string, Uint8Array>();
    const { blobs, seen } = await client((request) => {
      const key = request.url;
      if (request.method === 'PUT') {
        stored.set(key, request.body!);
        return new Response(null, { status: 201 });
      }
      const found = stored.get(key);
      if (!found) return new Response(null, { status: 404 });
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(found), { status: 200 });
    });
    expect(await blobs.has(sha)).toBe(false);
    expect(await blobs.get(sha)).toBeNull();
    await blobs.put(sha, bytes);
    expect(await blobs.has(sha)).toBe(true);
    expect(await blobs.get(sha)).toEqual(bytes);
    expect(seen.map((s) => s.method)).toEqual(['HEAD', 'GET', 'PUT', 'HEAD', 'GET']);
    for (const request of seen) {
      expect(request.url).toBe(`http://127.0.0.1:8787/blobs/study-group/${sha}`);
      expect(request.authorization).toBe('Bearer tok-123');
    }
  });

  it('refuses bytes whose SHA-256 is not the name asked for', async () => {
    const { blobs } = await client(() => new Response(new TextEncoder().encode('something else'), { status: 200 }));
    await expect(blobs.get(sha)).rejects.toThrow('The sync server sent a file that is not the one asked for (its SHA-256 differs). Nothing was written.');
  });

  it('refuses a body larger than maxBytes, declared or not', async () => {
    const big = new Uint8Array(2048).fill(7);
    const bigSha = await shaOf(big);
    const { blobs } = await client(() => new Response(new Uint8Array(big), { status: 200 }), 1024);
    await expect(blobs.get(bigSha)).rejects.toThrow(/larger than Lectern accepts/);
    const streamed = await client(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            start(controller) {
              for (let i = 0; i < 4; i++) controller.enqueue(new Uint8Array(512).fill(7));
              controller.close();
            },
          }),
          { status: 200 },
        ),
      1024,
    );
    await expect(streamed.blobs.get(bigSha)).rejects.toThrow(/larger than Lectern accepts/);
    await expect(streamed.blobs.put(bigSha, big)).rejects.toThrow(/larger than the/);
  });

  it('turns status codes into sentences', async () => {
    const status = (code: number) => client(() => new Response(null, { status: code }));
    await expect((await status(401)).blobs.get(sha)).rejects.toThrow('The sync server refused the token for the library “study-group”. Check the library name and token in Lectern’s sync settings.');
    await expect((await status(403)).blobs.has(sha)).rejects.toThrow(/refused the token/);
    await expect((await status(413)).blobs.put(sha, bytes)).rejects.toThrow(/refused a file of .* MB as too large/);
    await expect((await status(400)).blobs.put(sha, bytes)).rejects.toThrow(/contents do not match its name/);
    await expect((await status(500)).blobs.get(sha)).rejects.toThrow('The sync server failed to answer (status 500). Lectern tries again later.');
    await expect((await status(405)).blobs.get(sha)).rejects.toThrow('The sync server refused the request (status 405).');
  });

  it('says the server cannot be reached when the request fails, and marks it as worth retrying', async () => {
    const { blobs } = await client(() => Promise.reject(new TypeError('fetch failed')));
    const error = await blobs.get(sha).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('The sync server cannot be reached. Lectern tries again when it is back.');
    expect(isUnreachable(error)).toBe(true);
    const refused = await (await client(() => new Response(null, { status: 401 }))).blobs.get(sha).catch((e: unknown) => e);
    expect(isUnreachable(refused)).toBe(false);
  });

  it('refuses a name that is not a SHA-256 before asking the server', async () => {
    const { blobs, seen } = await client(() => new Response(null, { status: 200 }));
    await expect(blobs.get('../../etc/passwd')).rejects.toThrow(/is not the name of a blob/);
    await expect(blobs.has(sha.toUpperCase())).rejects.toThrow(/is not the name of a blob/);
    expect(seen).toEqual([]);
  });
});
