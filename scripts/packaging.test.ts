// What electron-builder.yml must say: Electron's fuses set against running the app as anything
// but itself, and the document formats Lectern opens associated with it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IMPORTABLE_EXTENSIONS } from '../app/documents/import-limits';

const config = readFileSync(fileURLToPath(new URL('../electron-builder.yml', import.meta.url)), 'utf8');
const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { devDependencies: Record<string, string> };

/** The indented `key: value` lines of a top-level section. */
function section(name: string): string {
  const start = config.indexOf(`\n${name}:\n`);
  if (start < 0) return '';
  const rest = config.slice(start + name.length + 3);
  const end = rest.search(/\n\S/);
  return end < 0 ? rest : rest.slice(0, end);
}

describe('packaging', () => {
  it('flips Electron’s fuses', () => {
    const fuses = new Map([...section('electronFuses').matchAll(/^\s+(\w+):\s*(true|false)\s*$/gm)].map((m): [string, boolean] => [m[1] ?? '', m[2] === 'true']));
    expect(Object.fromEntries(fuses)).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('associates every format the issue names with Lectern, each one Lectern imports', () => {
    const extensions = [...section('fileAssociations').matchAll(/^\s+- ext: (?:\[([^\]]+)\]|(\S+))$/gm)].flatMap((m) => (m[1] ?? m[2] ?? '').split(',').map((e) => e.trim()));
    expect(extensions).toEqual(expect.arrayContaining(['pdf', 'epub', 'txt', 'md', 'html', 'docx']));
    for (const ext of extensions) expect(IMPORTABLE_EXTENSIONS).toContain(`.${ext}`);
  });

  it('pins Electron to an exact 45.x version', () => {
    expect(pkg.devDependencies.electron).toMatch(/^45\.\d+\.\d+$/);
  });
});
