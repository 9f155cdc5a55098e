// Lint with types, plus the layering rules of DESIGN.md as import restrictions per folder.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const upTo = (folder) => `^(\\.\\.?/)+(\\.\\./)*${folder}(/|$)`;

/** DOMPurify over linkedom returns its input untouched without a word: HTML is sanitized over a real DOM only. */
const noLinkedom = { name: 'linkedom', message: 'DOMPurify silently does nothing over linkedom: use the browser DOM or jsdom.' };

/** The import boundaries: exported so the boundary test can show each one catches a violation. */
export const boundaries = {
  app: {
    paths: [
      ...['electron', 'react', 'react-dom', 'lexical', 'dexie-react-hooks'].map((name) => ({
        name,
        message: 'app/ is the pure core: no Electron, React or Lexical.',
      })),
      noLinkedom,
    ],
    patterns: [
      { group: ['react/*', 'react-dom/*', '@lexical/*', 'electron/*'], message: 'app/ is the pure core: no Electron, React or Lexical.' },
      { regex: upTo('renderer'), message: 'app/ must not import renderer/.' },
      { regex: upTo('main'), message: 'app/ must not import main/.' },
    ],
  },
  main: {
    patterns: [{ regex: upTo('renderer'), message: 'main/ must not import renderer/ code.' }],
  },
  renderer: {
    paths: [
      { name: 'electron', message: 'renderer/ reaches Electron only through the preload bridge.', allowTypeImports: true },
      { name: 'dexie', message: 'renderer/ reads and writes the store through app/store repositories, not Dexie directly.', allowTypeImports: true },
      { name: 'jsdom', message: 'renderer/ sanitizes with the browser DOM; jsdom is for Node only.' },
      noLinkedom,
    ],
    patterns: [
      { group: ['electron/*'], message: 'renderer/ reaches Electron only through the preload bridge.', allowTypeImports: true },
      { regex: upTo('main'), message: 'renderer/ must not import main/ at run time.', allowTypeImports: true },
      { regex: 'sanitize-node$', message: 'renderer/ sanitizes with the browser DOM; the jsdom sanitizer is for Node only.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'bench/results/', '**/*.json', 'app/citations/model/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'bin/*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['bin/**', 'scripts/**', '*.js', '*.mjs', 'resources/**/*.mjs'], languageOptions: { globals: globals.node } },
  { files: ['app/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', boundaries.app] } },
  { files: ['main/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', boundaries.main] } },
  { files: ['renderer/**/*.ts', 'renderer/**/*.tsx'], rules: { '@typescript-eslint/no-restricted-imports': ['error', boundaries.renderer] } },
);
