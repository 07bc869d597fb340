// bench:dogfood — `testops generate ui --run` explores our own web UI and delivers a suite for it.
// The real server on the embedded default (PGlite, jobs in process, the bundled demos) listens on a
// free loopback port with a temporary data dir; a project is seeded with a finished API job so the
// results screens have content; then the CLI, as a user runs it, explores, generates and verifies.
// Prints what was covered and every screen or control it could not reach, with why. Asserts nothing.
// Options: --max-pages=N (default 20), --repeat=N (default 3), --time-budget=S (exploration
// seconds, default the CLI's 120), --keep (leave the suite folder).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../src/core/run-report.ts';
import { loadServiceConfig } from '../../src/service/config.ts';
import { webUiBuilt } from '../../src/service/http/web-ui.ts';
import { startServer } from '../../src/service/start-server.ts';
import { readSiteModel } from '../../src/sources/web/site-model-io.ts';
import { tempDataDir } from '../../test/service/support/databases.ts';
import { screenCoverage, unreachedControls } from './ui-reach.ts';

const option = (name: string, fallback: string) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const maxPages = option('max-pages', '20');
const repeat = option('repeat', '3');
const timeBudget = option('time-budget', '120');

if (!webUiBuilt()) throw new Error('web/dist is missing: run `npm run build --prefix web` first.');
const dataDir = await tempDataDir();
const outDir = await mkdtemp(join(tmpdir(), 'testops-dogfood-'));
// Loopback without API keys: the UI needs none there (a key would go in localStorage through
// `--storage-state`, see the README), so the explorer sees what a local user sees.
const server = await startServer(
  loadServiceConfig({ TESTOPS_DATA_DIR: dataDir.path, LOG_LEVEL: 'warn' }, { port: 0, concurrency: 1 }),
  { demos: true },
);

async function api<T>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}${path}`, {
    ...(body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A project with one finished API job on the bundled compute demo: results, files, a report. */
async function seed(): Promise<{ project: string; task: string }> {
  const project = await api<{ id: string }>('/api/v1/projects', { name: 'Dogfood shop' });
  const { items } = await api<{
    items: { name: string; url: string; openapi_spec: string; headers: string[] }[];
  }>('/api/v1/demos');
  const demo = items.find((item) => item.openapi_spec)!;
  const accepted = await api<{ request_id: string }>('/api/v1/generate/api-tests', {
    project_id: project.id,
    openapi_spec: demo.openapi_spec,
    base_url: demo.url,
    options: { run: true, repeat: 1, headers: demo.headers, llm: 'off' },
  });
  for (let waited = 0; waited < 300_000; waited += 1000) {
    const task = await api<{ status: string }>(`/api/v1/tasks/${accepted.request_id}`);
    if (['completed', 'failed', 'cancelled'].includes(task.status)) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return { project: project.id, task: accepted.request_id };
}

function generateUi(url: string): Promise<{ report: RunReport; ms: number }> {
  const started = Date.now();
  const args = ['bin/testops.js', 'generate', 'ui', '--url', url, '--out', outDir, '--run'];
  args.push(
    '--repeat',
    repeat,
    '--max-pages',
    maxPages,
    '--time-budget',
    timeBudget,
    '--llm',
    'off',
    '--json',
  );
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      const text = stdout.trim();
      if (!text.startsWith('{')) return reject(new Error(`generate ui exited ${code}: ${text}`));
      resolve({ report: JSON.parse(text) as RunReport, ms: Date.now() - started });
    }),
  );
}

try {
  const seeded = await seed();
  const { report, ms } = await generateUi(`${server.url}/projects`);
  const model = await readSiteModel(join(outDir, 'model'));
  const pages = report.pages ?? [];
  const tests = report.tests;
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const rows: [string, string][] = [
    ['pages explored', `${pages.length} (max ${maxPages})`],
    ['elements recorded', String(sum(pages.map((page) => page.elements)))],
    ['interactions observed', String(sum(pages.map((page) => page.interactions)))],
    ['tests generated', String(tests.generated)],
    [`tests delivered (passed ${repeat}/${repeat})`, String(tests.delivered)],
    ['flaky', String(report.flaky.length)],
    ['suspected defects', String(report.suspectedDefects.length)],
    ['N/N', `${tests.delivered}/${tests.generated}`],
    ['wall time', `${(ms / 1000).toFixed(0)} s`],
  ];
  console.log(`Dogfood: testops generate ui --run on our web UI (seeded task ${seeded.task.slice(0, 8)})`);
  for (const [name, value] of rows) console.log(`  ${name.padEnd(34)} ${value}`);
  console.log('\nScreens of the UI (route → explored pages):');
  for (const screen of screenCoverage(model, seeded))
    console.log(`  ${screen.route.padEnd(32)} ${screen.found}`);
  console.log('\nCould not reach / explore:');
  for (const issue of model.issues) console.log(`  page ${issue.url}: ${issue.message}`);
  for (const skipped of report.operations.skipped) console.log(`  ${skipped.operation}: ${skipped.reason}`);
  for (const line of unreachedControls(model)) console.log(`  ${line}`);
  console.log('\nNot delivered:');
  for (const defect of report.suspectedDefects)
    console.log(`  defect  ${defect.test}: expected ${defect.expected}, got ${defect.actual}`);
  for (const flaky of report.flaky)
    console.log(`  flaky   ${flaky.test}: ${flaky.passes}/${flaky.runs} ${flaky.reason}`);
  for (const skipped of report.skippedTests) console.log(`  skipped ${skipped.test}: ${skipped.reason}`);
} finally {
  await server.close();
  await dataDir.remove();
  if (process.argv.includes('--keep')) console.log(`\nsuite kept in ${outDir}`);
  else await rm(outDir, { recursive: true, force: true });
}
