import { readFile } from 'node:fs/promises';
import type { Command } from '../cli';
import { defaultReferenceParser } from '../citations/default-parser';
import { deserializeModel } from '../citations/model-format';
import { createReferenceParser, type ReferenceParser } from '../citations/reference-parser';

/**
 * Environment variable naming another model file, so cross-validation can score a model trained
 * without the references being parsed. Only the CLI reads it.
 */
export const REFS_MODEL_ENV = 'LECTERN_REFS_MODEL';

async function loadParser(): Promise<{ ok: true; parser: ReferenceParser } | { ok: false; error: string }> {
  const path = process.env[REFS_MODEL_ENV];
  if (!path) return { ok: true, parser: defaultReferenceParser() };
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    return { ok: false, error: `cannot read ${REFS_MODEL_ENV}=${path}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const model = deserializeModel(data);
  return model.ok ? { ok: true, parser: createReferenceParser(model.value) } : { ok: false, error: `${path}: ${model.error}` };
}

/**
 * `lectern refs [FILE]`: one reference string per line (stdin without FILE) -> a JSON array of
 * CSL items, same count and order; an empty line gives an item with no fields.
 */
export const refsCommand: Command = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout('usage: lectern refs [FILE]\n  reads one reference per line (standard input without FILE), prints a JSON array of CSL items\n');
    return 0;
  }
  const file = args.find((a) => !a.startsWith('-'));
  let input: string;
  try {
    input = file ? await readFile(file, 'utf8') : await io.readStdin();
  } catch (error) {
    io.stderr(`lectern refs: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const loaded = await loadParser();
  if (!loaded.ok) {
    io.stderr(`lectern refs: ${loaded.error}\n`);
    return 1;
  }
  const lines = input.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const items = loaded.parser.parseReferences(lines);
  io.stdout(JSON.stringify(items, null, 2) + '\n');
  return 0;
};
