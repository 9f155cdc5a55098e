/**
 * Build plugins of the renderer (the web build and electron-vite's renderer build share them):
 * what the app loads late is kept out of the bundles and loaded as a file of its own when needed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);

/** pdf.js as the app and the core import it, and the file of the same build shipped in its place. */
const PDFJS_FILES: Record<string, string> = {
  'pdfjs-dist/legacy/build/pdf.mjs': 'pdfjs-dist/legacy/build/pdf.min.mjs',
  'pdfjs-dist/legacy/build/pdf.worker.mjs': 'pdfjs-dist/legacy/build/pdf.worker.min.mjs',
};
const PDFJS_PREFIX = '\0lectern-pdfjs:';

/** The names a module exports, read from its closing `export { a, b as c };`. */
function exportNames(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const list = [...source.matchAll(/^export\s*\{([^}]*)\};?\s*$/gm)].pop()?.[1];
  if (!list) throw new Error(`no export list in ${file}`);
  return list
    .split(',')
    .map((part) => part.trim().split(/\s+as\s+/).pop()!.trim())
    .filter(Boolean);
}

/**
 * pdf.js once in the build: the import worker (which runs its parser in-thread) and the page view
 * (whose parser runs in pdf.js's own worker) would each bundle a copy of pdf.js and of its worker
 * module. Instead both import one shipped file each (pdfjs-dist's minified build, as a hashed
 * asset of the same name in every bundle) through a small module that re-exports it, and the page
 * view starts its worker from the same worker file (see renderer/src/pdf/pdfjs-viewer.ts).
 * Same-origin module scripts, so the Content-Security-Policy (script-src 'self') allows them.
 */
export function sharedPdfjs(): Plugin {
  return {
    name: 'lectern-shared-pdfjs',
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      return source in PDFJS_FILES ? PDFJS_PREFIX + source : null;
    },
    load(id) {
      if (!id.startsWith(PDFJS_PREFIX)) return null;
      const source = id.slice(PDFJS_PREFIX.length);
      const names = exportNames(require.resolve(source));
      return [
        `import url from '${PDFJS_FILES[source]}?url';`,
        'const pdfjs = await import(/* @vite-ignore */ url);',
        `export const { ${names.join(', ')} } = pdfjs;`,
      ].join('\n');
    },
  };
}

const MODEL_JSON = fileURLToPath(new URL('../app/citations/model/refs-model.json', import.meta.url));
const MODEL_SOURCE = fileURLToPath(new URL('../app/citations/shipped-model.ts', import.meta.url));
const MODEL_ID = '\0lectern-shipped-model';

/**
 * The reference parser's model (megabytes of JSON) as a file of its own: app/citations/shipped-model.ts
 * imports it into the code, which suits Node; in the renderer's bundles that module is replaced by
 * one that fetches the JSON when the first reference list is parsed (see default-parser.ts).
 */
export function referenceModelAsset(): Plugin {
  return {
    name: 'lectern-reference-model-asset',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!/(^|\/)shipped-model(\.ts)?$/.test(source) || !importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === MODEL_SOURCE ? MODEL_ID : null;
    },
    load(id) {
      if (id !== MODEL_ID) return null;
      return [
        `import url from '${MODEL_JSON}?url';`,
        '/** Fetches the shipped model from its own file. */',
        'export function loadShippedModel() {',
        '  return fetch(url).then((response) => {',
        "    if (!response.ok) throw new Error(`the reference model could not be loaded (${response.status})`);",
        '    return response.json();',
        '  });',
        '}',
      ].join('\n');
    },
  };
}

/** The npm package a module id belongs to ("@lexical/react", "dexie"), or undefined for the app's own code. */
function packageOf(id: string): string | undefined {
  return /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id)?.[1]?.replace('\\', '/');
}

/** Libraries that ship as several packages but load together: one chunk each. */
const LIBRARY_FAMILIES: [RegExp, string][] = [
  [/^(react|react-dom|scheduler)$/, 'react'],
  // Reading notes for export needs more of Lexical than editing them: that part loads with the export.
  [/^@lexical\/(markdown|headless|code-core|text)$/, 'lexical-export'],
  [/^(lexical|@lexical\/.*)$/, 'lexical'],
  [/^(dexie|dexie-react-hooks)$/, 'dexie'],
  [/^(@citation-js\/.*|citeproc|moo|sync-fetch|node-fetch|fetch-blob|formdata-polyfill|web-streams-polyfill|node-domexception|data-uri-to-buffer)$/, 'citation-js'],
  [/^@tanstack\/.*$/, 'tanstack-virtual'],
];

/** The chunk a library's module goes to: its family's, else the package's own name. */
export function libraryChunk(id: string): string | null {
  const name = packageOf(id);
  if (!name) return null;
  return LIBRARY_FAMILIES.find(([pattern]) => pattern.test(name))?.[1] ?? name.replace(/^@/, '').replace('/', '-');
}
