/**
 * `npm run train:refs`: cross-validation of the reference parser by source, then the shipped
 * model trained on all of the training data. Writes bench/results/references.json and
 * app/citations/model/refs-model.json.
 *
 * Training data: AnyStyle's core.xml and GROBID's citation corpus (shared/eval). Folds are split
 * by source: every GROBID file (one source paper) lies wholly in one fold, so each held-out
 * GROBID reference comes from a paper the fold's model never saw. core.xml records no source
 * and its references are shuffled across many sources, so its references are dealt to folds
 * one by one. GROBID's own evaluation files (arXiv, INSPIRE journals) are never trained on; the
 * shipped model is scored on them through the CLI, as any user would run it.
 *
 * Every held-out prediction is made with the model as it ships (serialized, pruned, read back).
 * The learner is a linear-chain CRF (crf.ts); --perceptron trains the averaged perceptron instead.
 * Options: --folds N (5), --epochs N (15), --seed N, --l2 X (3) and --rate X (0.3) for the CRF,
 * --min-count N (2, rarer features are dropped), --prune X (0.02, smallest weight kept),
 * --synthetic N (4000; 0 for none) references rendered through official CSL styles (synthetic.ts)
 * from real .bib files are added to every training set, never to a test set,
 * --cross-corpus (also train on one corpus and score on the other), --no-cv, --no-ship.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceText, writeAnystyleXml, type LabelledReference } from '../anystyle-xml';
import { trainCrf } from '../crf';
import { REFERENCE_LABELS } from '../labels';
import type { LinearChainModel } from '../linear-chain';
import { deserializeModel, serializeModel } from '../model-format';
import { seededRandom, shuffle, trainAveragedEnsemble, type PerceptronOptions } from '../perceptron';
import { createReferenceParser } from '../reference-parser';
import { trainingSequences } from './dataset';
import { readCorpora, textKey } from './corpora';
import type { SourcedReference } from './grobid-tei';
import { syntheticReferences } from './synthetic-set';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const evalDir = join(repo, '..', 'shared', 'eval');
const scorer = join(evalDir, 'score_references.py');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const folds = option('folds', 5);
const options: PerceptronOptions = { epochs: option('epochs', 15), seed: option('seed', 20240531), minCount: option('min-count', 2) };
const prune = option('prune', 0.02);
const learner = flag('perceptron') ? 'perceptron' : 'crf';

function train(references: LabelledReference[]): LinearChainModel {
  if (learner === 'crf') {
    return trainCrf(REFERENCE_LABELS, trainingSequences(references), { ...options, l2: option('l2', 3), rate: option('rate', 0.3) });
  }
  return trainAveragedEnsemble(REFERENCE_LABELS, trainingSequences(references), options, option('bag', 1));
}

/** The model as it ships: serialized with pruning, then read back. */
function shipped(model: LinearChainModel): LinearChainModel {
  const read = deserializeModel(JSON.parse(JSON.stringify(serializeModel(model, 1000, prune))));
  if (!read.ok) throw new Error(read.error);
  return read.value;
}

const work = mkdtempSync(join(tmpdir(), 'lectern-refs-'));
console.log(`work folder: ${work}`);

function score(name: string, references: LabelledReference[], predictions: unknown[] | null, cmd?: string): Record<string, unknown> {
  const xmlPath = join(work, `${name}.xml`);
  writeFileSync(xmlPath, writeAnystyleXml(references));
  const args = [scorer, xmlPath, '--json', join(work, `${name}.json`)];
  if (predictions) {
    writeFileSync(join(work, `${name}.pred.json`), JSON.stringify(predictions));
    args.push('--pred', join(work, `${name}.pred.json`));
  } else {
    args.push('--cmd', cmd ?? 'npx lectern refs');
  }
  console.log(`\n${name}:`);
  process.stdout.write(execFileSync('python3', args, { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 }));
  return JSON.parse(readFileSync(join(work, `${name}.json`), 'utf8')) as Record<string, unknown>;
}

const { core, grobid, heldOut: external } = readCorpora(evalDir);
const all = [...core, ...grobid];
const synthetic = syntheticReferences(option('synthetic', 4000), options.seed);
console.log(
  `training data: ${core.length} core.xml + ${grobid.length} GROBID (${new Set(grobid.map((r) => r.source)).size} files) + ${synthetic.references.length} synthetic; ${external.length} GROBID evaluation references kept out`,
);

// Folds by source. A reference printed in two sources (GROBID's citations.xml holds hundreds of
// core.xml's references; some papers share references) ties them: tied sources form one group, and
// each group lies wholly in one fold. Groups are dealt largest first, each to the fold with the
// fewest references so far; core.xml's single references therefore fall to folds at random.
const random = seededRandom(options.seed);
const parent = new Map<string, string>();
const root = (source: string): string => {
  let at = source;
  while (parent.has(at) && parent.get(at) !== at) at = parent.get(at)!;
  parent.set(source, at);
  return at;
};
const firstSourceOf = new Map<string, string>();
for (const r of all) {
  const key = textKey(r);
  const other = firstSourceOf.get(key);
  if (other === undefined) firstSourceOf.set(key, r.source);
  else if (root(other) !== root(r.source)) parent.set(root(r.source), root(other));
}
const groupSize = new Map<string, number>();
for (const r of all) groupSize.set(root(r.source), (groupSize.get(root(r.source)) ?? 0) + 1);
const groups = shuffle([...groupSize.keys()], random).sort((a, b) => (groupSize.get(b) ?? 0) - (groupSize.get(a) ?? 0));
const foldOfGroup = new Map<string, number>();
const load = new Array<number>(folds).fill(0);
for (const group of groups) {
  const fold = load.indexOf(Math.min(...load));
  foldOfGroup.set(group, fold);
  load[fold]! += groupSize.get(group) ?? 0;
}
const foldOf = (r: SourcedReference) => foldOfGroup.get(root(r.source));
const papers = new Set(grobid.map((r) => r.source));

const started = Date.now();
const results: Record<string, unknown> = {
  training: { 'core.xml': core.length, grobid: grobid.length, grobidPapers: papers.size, groups: groups.length, synthetic: synthetic.references.length, syntheticFrom: synthetic.from },
  method: `${folds}-fold cross-validation by source (each GROBID file whole in one fold, files that share a reference with each other or with core.xml in the same fold; core.xml references otherwise dealt singly), ${learner === 'crf' ? `linear-chain CRF (L2 ${option('l2', 3)}, rate ${option('rate', 0.3)})` : 'averaged structured perceptron'}, ${options.epochs} epochs, features seen at least ${options.minCount} times, seed ${options.seed}; predictions by the pruned model (weights below ${prune} dropped) as shipped`,
  scorer: 'shared/eval/score_references.py',
};

if (!flag('no-cv')) {
  const pooled = new Map<SourcedReference, unknown>();
  for (let fold = 0; fold < folds; fold++) {
    const t0 = Date.now();
    const trainSet = [...all.filter((r) => foldOf(r) !== fold), ...synthetic.references];
    const held = all.filter((r) => foldOf(r) === fold);
    const parser = createReferenceParser(shipped(train(trainSet)));
    parser.parseReferences(held.map(referenceText)).forEach((item, k) => pooled.set(held[k]!, item));
    console.log(`fold ${fold + 1}/${folds}: trained on ${trainSet.length}, ${held.length} held out, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
  results.heldOutGrobidBySource = score('cv-grobid', grobid, grobid.map((r) => pooled.get(r)));
  results.heldOutCore = score('cv-core', core, core.map((r) => pooled.get(r)));
  results.heldOutAll = score('cv-all', all, all.map((r) => pooled.get(r)));
}

if (flag('cross-corpus')) {
  const fromCore = createReferenceParser(shipped(train([...core, ...synthetic.references])));
  results.trainedOnCoreScoredOnGrobid = score('core-to-grobid', grobid, fromCore.parseReferences(grobid.map(referenceText)));
  const fromGrobid = createReferenceParser(shipped(train([...grobid, ...synthetic.references])));
  results.trainedOnGrobidScoredOnCore = score('grobid-to-core', core, fromGrobid.parseReferences(core.map(referenceText)));
}

if (!flag('no-ship')) {
  const model = train([...all, ...synthetic.references]);
  const path = join(repo, 'app', 'citations', 'model', 'refs-model.json');
  writeFileSync(path, JSON.stringify(serializeModel(model, 1000, prune)));
  console.log(`wrote ${path} (${(readFileSync(path).length / 1e6).toFixed(2)} MB, ${model.featureIndex.size} features)`);
  // The shipped model through the command line, on GROBID's evaluation files it never saw.
  results.shippedOnGrobidEvaluation = score('shipped-grobid-evaluation', external, null, `LECTERN_FROM_SOURCES=1 npx lectern refs`);
}

results.seconds = Math.round((Date.now() - started) / 1000);
if (!flag('no-cv')) writeFileSync(join(repo, 'bench', 'results', 'references.json'), JSON.stringify(results, null, 2) + '\n');
const f1 = (key: string) => (results[key] as { core_micro_f1?: number } | undefined)?.core_micro_f1;
console.log(`\ncore micro F1: held-out GROBID papers ${f1('heldOutGrobidBySource')}, held-out core.xml ${f1('heldOutCore')}, GROBID evaluation (shipped model) ${f1('shippedOnGrobidEvaluation')}`);
