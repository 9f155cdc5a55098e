/**
 * Builds Lectern's three parts: main (ES module, out/main), preload (CommonJS, out/preload:
 * sandboxed preloads cannot be ES modules) and the renderer (out/renderer, from renderer/).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './renderer/vite.config';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // Bundle zod and the app core so out/ runs without node_modules next to it.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'main/index.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve(root, 'main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    // The web build's settings (React, CSP meta tag, worker format), with Electron's output place.
    ...rendererConfig,
    root: resolve(root, 'renderer'),
    build: {
      ...rendererConfig.build,
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      rolldownOptions: {
        ...rendererConfig.build?.rolldownOptions,
        input: resolve(root, 'renderer/index.html'),
      },
    },
  },
});
