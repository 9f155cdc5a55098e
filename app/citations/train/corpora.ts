/**
 * The labelled references the reference parser learns from and the ones it is judged on, read
 * from shared/eval: AnyStyle's core.xml and GROBID's citation corpus for training, GROBID's two
 * evaluation files (arXiv, INSPIRE journals) held out. A training reference that is also one of
 * the evaluation references (compared by textKey) is left out of training too, so the held-out
 * set is one the shipped model never saw in any form.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAnystyleXml, referenceText, type LabelledReference } from '../anystyle-xml';
import { readGrobidTei, type SourcedReference } from './grobid-tei';

/** A reference's text with case, spacing and punctuation folded away, to find the same reference twice. */
export function textKey(reference: LabelledReference): string {
  return referenceText(reference).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function readGrobidFolder(evalDir: string, folder: string): SourcedReference[] {
  const dir = join(evalDir, 'grobid-citations', folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .flatMap((f) => readGrobidTei(readFileSync(join(dir, f), 'utf8'), f));
}

/** The training corpora and the held-out evaluation references. */
export interface Corpora {
  /** core.xml's references (source "core.xml#i"), without any that are also held out. */
  core: SourcedReference[];
  /** GROBID's training corpus, one source per paper, without any reference that is also held out. */
  grobid: SourcedReference[];
  /** GROBID's evaluation files: never trained on. */
  heldOut: SourcedReference[];
}

/** Reads the corpora from `evalDir` (shared/eval). */
export function readCorpora(evalDir: string): Corpora {
  // GROBID's evaluation files (and their copies inside corpus/) are kept out of training, and so
  // is any training reference that is also one of theirs.
  const heldOut = readGrobidFolder(evalDir, 'evaluation');
  const heldOutKeys = new Set(heldOut.map(textKey));
  const unseen = (r: SourcedReference) => !heldOutKeys.has(textKey(r));
  const core = readAnystyleXml(readFileSync(join(evalDir, 'anystyle', 'core.xml'), 'utf8'))
    .map((r, i) => ({ ...r, source: `core.xml#${i}` }))
    .filter(unseen);
  const grobid = readGrobidFolder(evalDir, 'corpus')
    .filter((r) => !r.source.startsWith('evaluation-'))
    .filter(unseen);
  return { core, grobid, heldOut };
}
