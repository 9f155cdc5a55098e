import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../app/security/content-security-policy';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Kept in a meta tag too; dev builds skip it, as the dev server injects inline scripts for hot reload. */
export const contentSecurityPolicy = CONTENT_SECURITY_POLICY;

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
