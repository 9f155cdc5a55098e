import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The Content-Security-Policy of the built renderer, also sent as a header by the Electron
 * protocol handler. Kept in a meta tag too, so the web build is held to the same rules.
 * Dev builds skip it: the dev server injects inline scripts for hot reload.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "form-action 'none'",
].join('; ');

function cspMetaTag(): Plugin {
  return {
    name: 'lectern-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

/** Shared renderer settings: the web build uses them as they are, electron-vite reuses them. */
export const rendererConfig: UserConfig = {
  root,
  base: './',
  plugins: [react(), cspMetaTag()],
  worker: { format: 'es' },
  build: { target: 'chrome130', sourcemap: false, chunkSizeWarningLimit: 2048 },
};

export default defineConfig({
  ...rendererConfig,
  build: { ...rendererConfig.build, outDir: fileURLToPath(new URL('../dist/web', import.meta.url)), emptyOutDir: true },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
