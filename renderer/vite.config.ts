import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../app/security/content-security-policy';
import { libraryChunk, referenceModelAsset, sharedPdfjs } from './vite-plugins';

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

/**
 * Each library in one chunk of its own, loaded with the first view that needs it: React and the
 * store with the library, Lexical with a note or notebook, citation-js with a formatted citation.
 * React and Dexie are claimed first, so a library that depends on them does not pull them in.
 */
const libraryGroups = [
  { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
  { name: 'dexie', test: /[\\/]node_modules[\\/](dexie|dexie-react-hooks)[\\/]/, priority: 20 },
  { name: libraryChunk, priority: 10, minSize: 16 * 1024 },
];

/**
 * The page's own code that the library needs at start is one chunk ('start'), not the handful of
 * small chunks it shares with the lazy views: fewer files to fetch before the library shows.
 */
const pageSplitting = {
  groups: [...libraryGroups, { name: 'start', test: (id: string) => !id.includes('node_modules'), tags: ['$initial' as const], priority: 5 }],
};

/** Shared renderer settings: the web build uses them as they are, electron-vite reuses them. */
export const rendererConfig: UserConfig = {
  root,
  base: './',
  plugins: [react(), cspMetaTag(), sharedPdfjs(), referenceModelAsset()],
  worker: {
    format: 'es',
    plugins: () => [sharedPdfjs(), referenceModelAsset()],
    rolldownOptions: { output: { codeSplitting: { groups: libraryGroups } } },
  },
  build: { target: 'chrome130', sourcemap: false, chunkSizeWarningLimit: 2048, rolldownOptions: { output: { codeSplitting: pageSplitting } } },
};

export default defineConfig({
  ...rendererConfig,
  build: { ...rendererConfig.build, outDir: fileURLToPath(new URL('../dist/web', import.meta.url)), emptyOutDir: true },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
