/**
 * What the tools students write with make of Lectern's bibliography files: pybtex in strict mode
 * (BibTeX as LaTeX users' toolchains read it) and pandoc --citeproc. Imported by tests only.
 */
import { spawnSync } from 'node:child_process';

/** The first Python that can import pybtex: Debian's python3-pybtex serves /usr/bin/python3 only. */
export function pythonWithPybtex(): string {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', 'import pybtex'], { encoding: 'utf8' }).status === 0) return python;
  }
  throw new Error('pybtex is missing: install python3-pybtex (apt-get install -y python3-pybtex)');
}

/** The entry keys pybtex reads from `bib` in strict mode, in file order; throws with pybtex's error when it refuses the file. */
export function pybtexKeys(bib: string): string[] {
  const script = [
    'import json, sys',
    'import pybtex.errors, pybtex.database',
    'pybtex.errors.set_strict_mode(True)',
    "data = pybtex.database.parse_string(sys.stdin.read(), 'bibtex')",
    'print(json.dumps(list(data.entries.keys())))',
  ].join('\n');
  const run = spawnSync(pythonWithPybtex(), ['-c', script], { input: bib, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`pybtex rejected the file:\n${run.stderr}`);
  return JSON.parse(run.stdout) as string[];
}

/** pandoc --citeproc over a paragraph citing every key with the bibliography file given: its exit status, warnings (a key it cannot find is one) and text. */
export function pandocCites(keys: readonly string[], bibliographyFile: string): { status: number | null; stderr: string; stdout: string } {
  const markdown = keys.map((key) => `Cited [@${key}].`).join('\n\n');
  const run = spawnSync('pandoc', ['-f', 'markdown', '-t', 'plain', '--citeproc', '--bibliography', bibliographyFile], { input: markdown, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, stdout: run.stdout };
}
