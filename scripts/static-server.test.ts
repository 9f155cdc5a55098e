import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPath, startStaticServer } from './static-server.mjs';

/** A raw GET, so the path reaches the server exactly as written (no client-side normalising). */
function get(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the static server of npm run web', () => {
  const root = mkdtempSync(join(tmpdir(), 'lectern-static-'));
  let served: Awaited<ReturnType<typeof startStaticServer>>;

  beforeAll(async () => {
    writeFileSync(join(root, 'index.html'), '<p>home</p>');
    served = await startStaticServer(root, 0);
  });
  afterAll(() => {
    served.server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers 400 to malformed percent-escapes and keeps serving', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/%ZZ', '/a%C0%80b']) {
      expect((await get(served.url, path)).status).toBe(400);
    }
    expect(await get(served.url, '/')).toEqual({ status: 200, body: '<p>home</p>' });
  });

  it('decodes well-formed paths and refuses ones it cannot decode', () => {
    expect(requestPath('/caf%C3%A9.html')).toBe('/café.html');
    expect(requestPath('/%E0%A4%A')).toBeUndefined();
  });
});
