/**
 * `npm run train:refs`: k-fold cross-validation of the reference parser on AnyStyle's core.xml,
 * scored by the shared scorer on held-out references only, then the shipped model trained on
 * all of it. Writes bench/results/references.json and app/citations/model/refs-model.json.
 *
 * The learner is a linear-chain CRF (crf.ts); --perceptron trains the averaged perceptron instead.
 * Options: --folds N (5), --epochs N (15), --seed N, --l2 X (3) and --rate X (0.3) for the CRF,
 * --bag N (perceptron ensembles), --prune X (0.02, smallest weight kept in the model file),
 * --quick (score pooled predictions only, skip the per-fold CLI runs), --no-ship (do not
 * retrain and write the shipped model).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAnystyleXml, referenceText, writeAnystyleXml, type LabelledReference } from '../anystyle-xml';
import { trainCrf } from '../crf';
import { REFERENCE_LABELS } from '../labels';
import { serializeModel } from '../model-format';
import { seededRandom, shuffle, trainAveragedEnsemble, type PerceptronOptions } from '../perceptron';
import { createReferenceParser } from '../reference-parser';
import { trainingSequences } from './dataset';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const shared = join(repo, '..', 'shared');
const dataset = join(shared, 'eval', 'anystyle', 'core.xml');
const scorer = join(shared, 'eval', 'score_references.py');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const folds = option('folds', 5);
const options: PerceptronOptions = { epochs: option('epochs', 15), seed: option('seed', 20240531), minCount: option('min-count', 1) };
const bag = option('bag', 1);
const prune = option('prune', 0.02);
const learner = process.argv.includes('--perceptron') ? 'perceptron' : 'crf';
const quick = process.argv.includes('--quick');
const ship = !process.argv.includes('--no-ship');

function train(references: LabelledReference[]) {
  if (learner === 'crf') {
    return trainCrf(REFERENCE_LABELS, trainingSequences(references), { ...options, l2: option('l2', 3), rate: option('rate', 0.3) });
  }
  return trainAveragedEnsemble(REFERENCE_LABELS, trainingSequences(references), options, bag);
}

function score(xmlPath: string, args: string[]): Record<string, unknown> {
  const out = join(work, `score-${Math.random().toString(36).slice(2)}.json`);
  const printed = execFileSync('python3', [scorer, xmlPath, ...args, '--json', out], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 });
  process.stdout.write(printed);
  return JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
}

const work = mkdtempSync(join(tmpdir(), 'lectern-refs-'));
console.log(`work folder: ${work}`);
const references = readAnystyleXml(readFileSync(dataset, 'utf8'));
const order = shuffle(references.map((_, i) => i), seededRandom(options.seed));
const foldOf = new Map(order.map((refIndex, k) => [refIndex, k % folds]));
const pooled: unknown[] = new Array(references.length);
const perFold: Array<Record<string, unknown>> = [];
const started = Date.now();

for (let fold = 0; fold < folds; fold++) {
  const trainSet = references.filter((_, i) => foldOf.get(i) !== fold);
  const heldIndex = references.map((_, i) => i).filter((i) => foldOf.get(i) === fold);
  const held = heldIndex.map((i) => references[i] as LabelledReference);
  const t0 = Date.now();
  const model = train(trainSet);
  const parser = createReferenceParser(model);
  const items = parser.parseReferences(held.map(referenceText));
  heldIndex.forEach((refIndex, k) => (pooled[refIndex] = items[k]));
  console.log(`fold ${fold + 1}/${folds}: trained on ${trainSet.length} in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${held.length} held out`);
  if (!quick) {
    const xmlPath = join(work, `fold-${fold}.xml`);
    const modelPath = join(work, `fold-${fold}.model.json`);
    writeFileSync(xmlPath, writeAnystyleXml(held));
    writeFileSync(modelPath, JSON.stringify(serializeModel(model, 1000, prune)));
    perFold.push(score(xmlPath, ['--cmd', `LECTERN_REFS_MODEL=${modelPath} npx lectern refs`]));
  }
}

const pooledPath = join(work, 'pooled.json');
console.log(`pooled predictions: ${pooledPath}`);
writeFileSync(pooledPath, JSON.stringify(pooled));
console.log(`\nall ${references.length} references, each predicted by the model that did not see it:`);
const pooledFigures = score(dataset, ['--pred', pooledPath]);
const mean = (key: string) => perFold.reduce((sum, f) => sum + Number(f[key]), 0) / Math.max(1, perFold.length);
const results = {
  dataset: 'shared/eval/anystyle/core.xml',
  method: `${folds}-fold cross-validation, ${learner === 'crf' ? `linear-chain CRF (L2 ${option('l2', 3)}, rate ${option('rate', 0.3)})` : 'averaged structured perceptron'}, ${options.epochs} epochs, seed ${options.seed}; per-fold figures from the CLI with the fold's model, pruned at ${prune}`,
  scorer: 'shared/eval/score_references.py',
  pooled: pooledFigures,
  ...(perFold.length ? { perFold, meanCoreMicroF1: Number(mean('core_micro_f1').toFixed(4)), meanAllMicroF1: Number(mean('all_micro_f1').toFixed(4)) } : {}),
  seconds: Math.round((Date.now() - started) / 1000),
};
if (!quick) {
  writeFileSync(join(repo, 'bench', 'results', 'references.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`mean core micro F1 over ${folds} held-out folds: ${results.meanCoreMicroF1}`);
}
console.log(`pooled held-out core micro F1: ${String(pooledFigures.core_micro_f1)}`);

if (ship) {
  const model = train(references);
  const path = join(repo, 'app', 'citations', 'model', 'refs-model.json');
  writeFileSync(path, JSON.stringify(serializeModel(model, 1000, prune)));
  console.log(`wrote ${path} (${(readFileSync(path).length / 1e6).toFixed(2)} MB, ${model.featureIndex.size} features)`);
}
