// Real-application benchmark: starts open-source applications nobody on the project wrote
// (installed pinned from the npm registry into bench/real), runs the CLI on them as a user
// would, and prints figures and the recorded judgement of every finding. Asserts nothing.
// Usage: npm run bench:real -- [--only <target>]... [--max-pages <n>] [--keep <dir>]
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { restrictFetchToLoopback } from '../api/loopback-only-fetch.ts';
import { seconds } from '../api/text-table.ts';
import { benchTargets } from './targets/all-targets.ts';
import { ensureTargetsInstalled } from './install-targets.ts';
import { readJudgements } from './judgements.ts';
import { apiTable, findingsOf, judgementsSection, uiTable } from './print-figures.ts';
import type { KindResult } from './print-figures.ts';
import { runTarget } from './run-target.ts';

const packageDir = resolve(import.meta.dirname);

function optionValues(name: string): string[] {
  const values: string[] = [];
  process.argv.forEach((arg, index) => {
    if (arg === name && process.argv[index + 1]) values.push(process.argv[index + 1]!);
    if (arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
  });
  return values;
}

const only = optionValues('--only');
const unknown = only.filter((name) => !benchTargets.some((target) => target.name === name));
if (unknown.length > 0) {
  console.error(
    `unknown target ${unknown.join(', ')}; targets: ${benchTargets.map((t) => t.name).join(', ')}`,
  );
  process.exit(2);
}
const maxPages = Number(optionValues('--max-pages')[0] ?? 8);
const keep = optionValues('--keep')[0];

restrictFetchToLoopback();
ensureTargetsInstalled(packageDir);
const started = Date.now();
const load = loadavg()[0]!;
const results: KindResult[] = [];
for (const target of benchTargets.filter((t) => only.length === 0 || only.includes(t.name))) {
  const workDir = keep
    ? resolve(keep, target.name)
    : await mkdtemp(join(tmpdir(), `testops-bench-real-${target.name}-`));
  await mkdir(workDir, { recursive: true });
  process.stderr.write(`\n== ${target.name} (${target.pkg}) in ${workDir}\n`);
  results.push(...(await runTarget({ target, workDir, packageDir, maxPages })));
  if (!keep) await rm(workDir, { recursive: true, force: true });
}

const date = new Date().toISOString();
console.log(
  `\nReal-application benchmark, ${date}, ${cpus().length} cores, load ${load.toFixed(2)} at start`,
);
console.log('\nAPI (generate api --run, repeat 3)');
console.log(apiTable(results.filter((result) => result.kind === 'api')));
console.log(`\nUI (generate ui --run, repeat 3, at most ${maxPages} pages)`);
console.log(uiTable(results.filter((result) => result.kind === 'ui')));
console.log('\nJudgements (bench/real/judgements.json)');
console.log(judgementsSection(findingsOf(results), readJudgements(join(packageDir, 'judgements.json'))));
console.log(`\nTotal time ${seconds(Date.now() - started)}`);
