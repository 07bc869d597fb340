// Real-application benchmark: starts open-source applications nobody on the project wrote
// (installed pinned from the npm registry into bench/real), runs the CLI on them as a user
// would, and prints figures and the recorded judgement of every finding. Asserts nothing.
// Usage: npm run bench:real -- [--only <target>]... [--kind api|ui] [--max-pages <n>] [--keep <dir>]
//        [--conformance strict|lenient]   (API runs; strict by default, as the CLI)
//        npm run bench:real -- --from <dir>   (print again what a --keep run left in <dir>)
import type { Conformance } from '../../src/core/run-report.ts';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { restrictFetchToLoopback } from '../api/loopback-only-fetch.ts';
import { seconds } from '../api/text-table.ts';
import type { BenchTarget } from './bench-target.ts';
import { ensureTargetsInstalled } from './install-targets.ts';
import { readJudgements } from './judgements.ts';
import { apiTable, findingsOf, judgementsSection, kindsSection, uiTable } from './print-figures.ts';
import type { KindResult } from './print-figures.ts';
import { runTarget } from './run-target.ts';
import { benchTargets } from './targets/all-targets.ts';

type Kind = 'api' | 'ui';
const packageDir = resolve(import.meta.dirname);

function optionValues(name: string): string[] {
  const values: string[] = [];
  process.argv.forEach((arg, index) => {
    if (arg === name && process.argv[index + 1]) values.push(process.argv[index + 1]!);
    if (arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
  });
  return values;
}

function selectedTargets(only: string[], kinds: Kind[]): BenchTarget[] {
  const unknown = only.filter((name) => !benchTargets.some((target) => target.name === name));
  if (unknown.length > 0) {
    console.error(
      `unknown target ${unknown.join(', ')}; targets: ${benchTargets.map((t) => t.name).join(', ')}`,
    );
    process.exit(2);
  }
  return benchTargets.filter(
    (target) =>
      (only.length === 0 || only.includes(target.name)) && target.kinds.some((kind) => kinds.includes(kind)),
  );
}

async function runTargets(
  targets: BenchTarget[],
  options: { kinds: Kind[]; maxPages: number; conformance: Conformance; keep?: string },
) {
  ensureTargetsInstalled(packageDir);
  const results: KindResult[] = [];
  for (const target of targets) {
    const workDir = options.keep
      ? resolve(options.keep, target.name)
      : await mkdtemp(join(tmpdir(), `testops-bench-real-${target.name}-`));
    await mkdir(workDir, { recursive: true });
    process.stderr.write(`\n== ${target.name} (${target.pkg}) in ${workDir}\n`);
    const targetResults = await runTarget({ target, workDir, packageDir, ...options });
    // Kept beside the suites so `--from <dir>` prints the figures again, e.g. after judging.
    for (const result of targetResults)
      await writeFile(join(workDir, `${result.kind}-result.json`), JSON.stringify(result));
    results.push(...targetResults);
    if (!options.keep) await rm(workDir, { recursive: true, force: true });
  }
  return results;
}

async function readKept(dir: string, targets: BenchTarget[], kinds: Kind[]): Promise<KindResult[]> {
  const files = targets.flatMap((target) =>
    kinds.map((kind) => join(dir, target.name, `${kind}-result.json`)),
  );
  const kept = files.filter((file) => existsSync(file));
  return Promise.all(kept.map(async (file) => JSON.parse(await readFile(file, 'utf8')) as KindResult));
}

function printFigures(results: KindResult[], heading: string, maxPages: number): void {
  console.log(`\n${heading}`);
  console.log('\nAPI (generate api --run, repeat 3)');
  console.log(apiTable(results.filter((result) => result.kind === 'api')));
  console.log(`\nUI (generate ui --run, repeat 3, at most ${maxPages} pages)`);
  console.log(uiTable(results.filter((result) => result.kind === 'ui')));
  console.log('\nFindings by kind');
  console.log(kindsSection(results));
  console.log('\nJudgements (bench/real/judgements.json)');
  console.log(judgementsSection(findingsOf(results), readJudgements(join(packageDir, 'judgements.json'))));
}

const kindOption = optionValues('--kind');
const kinds = (['api', 'ui'] as const).filter((kind) => kindOption.length === 0 || kindOption.includes(kind));
const targets = selectedTargets(optionValues('--only'), kinds);
const maxPages = Number(optionValues('--max-pages')[0] ?? 6);
// The CLI's own default, as a new user runs it; `--conformance lenient` to compare.
const conformance: Conformance = optionValues('--conformance')[0] === 'lenient' ? 'lenient' : 'strict';
const from = optionValues('--from')[0];
if (from) {
  printFigures(
    await readKept(from, targets, kinds),
    `Real-application benchmark, figures kept in ${from}`,
    maxPages,
  );
} else {
  restrictFetchToLoopback();
  const started = Date.now();
  const load = loadavg()[0]!;
  const results = await runTargets(targets, {
    kinds,
    maxPages,
    conformance,
    keep: optionValues('--keep')[0],
  });
  const heading = `Real-application benchmark, finished ${new Date().toISOString()}, ${cpus().length} cores, load ${load.toFixed(2)} at start`;
  printFigures(results, `${heading}, API conformance ${conformance}`, maxPages);
  console.log(`\nTotal time ${seconds(Date.now() - started)}`);
}
