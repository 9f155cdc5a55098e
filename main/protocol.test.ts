import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './app-url';
import { mimeTypeFor } from './mime-types';
import { resolveAppPath, serveAppRequest } from './protocol';

let base: string;
let root: string;

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'lectern-protocol-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Lectern</title>');
  await writeFile(path.join(root, 'assets', 'index-abc.js'), 'console.log(1);');
  await writeFile(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(root, 'assets', 'font.woff2'), Uint8Array.from([1, 2, 3]));
  await writeFile(path.join(root, 'assets', 'worker.mjs'), 'self.onmessage = () => {};');
  await writeFile(path.join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(base, 'secret.txt'), 'outside the renderer');
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), root);

describe('serveAppRequest', () => {
  it('serves index.html with the CSP header', async () => {
    const response = await get('lectern://app/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>Lectern</title>');
  });

  it('uses a CSP that forbids remote and inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline' blob:; img-src 'self' data: blob:; " +
        "font-src 'self' data: blob:; connect-src 'self' ws://127.0.0.1:* ws://localhost:* http://127.0.0.1:* http://localhost:* wss: https:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
        "frame-src blob:; form-action 'none'",
    );
  });

  it('lets the renderer reach a sync server in clear only on this machine, and any other only encrypted', () => {
    const connect = CONTENT_SECURITY_POLICY.split('; ').find((directive) => directive.startsWith('connect-src '))!.split(' ').slice(1);
    for (const source of connect.filter((item) => item.startsWith('ws://') || item.startsWith('http://'))) {
      expect(source).toMatch(/^(ws|http):\/\/(127\.0\.0\.1|localhost):\*$/);
    }
    expect(connect).not.toContain('ws:');
    expect(connect).not.toContain('http:');
    expect(connect).not.toContain('*');
    expect(connect).toEqual(expect.arrayContaining(["'self'", 'wss:', 'https:']));
  });

  it('serves the root and client routes as index.html', async () => {
    for (const url of ['lectern://app/', 'lectern://app/library/reader']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(await response.text()).toContain('<title>Lectern</title>');
    }
  });

  it('sends the right content types', async () => {
    const expected: Record<string, string> = {
      'assets/index-abc.js': 'text/javascript; charset=utf-8',
      'assets/worker.mjs': 'text/javascript; charset=utf-8',
      'assets/index-abc.css': 'text/css; charset=utf-8',
      'assets/font.woff2': 'font/woff2',
      'assets/logo.svg': 'image/svg+xml',
    };
    for (const [file, type] of Object.entries(expected)) {
      const response = await get(`lectern://app/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type'), file).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    const font = await get('lectern://app/assets/font.woff2');
    expect([...new Uint8Array(await font.arrayBuffer())]).toEqual([1, 2, 3]);
    expect(font.headers.get('content-length')).toBe('3');
  });

  it('refuses path traversal in every spelling', async () => {
    for (const url of [
      'lectern://app/..%2fsecret.txt',
      'lectern://app/%2e%2e%2fsecret.txt',
      'lectern://app/assets/..%2f..%2fsecret.txt',
      'lectern://app/..%5csecret.txt',
      'lectern://app/%2e%2e%5c%2e%2e%5csecret.txt',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('outside the renderer');
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
    expect(resolveAppPath(root, '/..%2fsecret.txt')).toBeNull();
    expect(resolveAppPath(root, '/a%00b')).toBeNull();
    expect(resolveAppPath(root, '/%E0%A4%A')).toBeNull();
    expect(resolveAppPath(root, '/assets/x.js')).toBe(path.join(root, 'assets', 'x.js'));
  });

  it('answers 404 for missing files and other hosts, 405 for writes', async () => {
    expect((await get('lectern://app/assets/missing.js')).status).toBe(404);
    expect((await get('lectern://other/index.html')).status).toBe(404);
    expect((await get('lectern://app/index.html', 'POST')).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('lectern://app/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.body).toBeNull();
  });
});

describe('mimeTypeFor', () => {
  it('falls back to a binary type for unknown or missing extensions', () => {
    expect(mimeTypeFor('a/b.unknown')).toBe('application/octet-stream');
    expect(mimeTypeFor('dir.d/README')).toBe('application/octet-stream');
    expect(mimeTypeFor('INDEX.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('module.wasm')).toBe('application/wasm');
  });
});
