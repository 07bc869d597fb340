// /health while a large job runs: the embedded `testops serve` (PGlite, jobs in threads of the
// same process) gets a test-cases job of ~4 MB of requirements (120,000 lines, the size that
// used to hang the server), then /health and the task's own route are loaded at a constant rate
// while the job runs, and so are job submissions (POST /api/v1/validate, the rate limit lifted).
// The default input limits refuse a request this large with 413; they are raised here to measure
// the job itself. Prints latency figures; asserts nothing.
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constantRateLoad, type ConstantRateResult } from './constant-rate-load.ts';
import { startProcess, stop } from './serve-process.ts';

const LINES = Number(process.env['BENCH_REQUIREMENT_LINES'] ?? 120_000);
const WINDOW_S = Number(process.env['BENCH_WINDOW_S'] ?? 60);
const HEALTH_RATE = 20;
const TASK_RATE = Number(process.env['BENCH_TASK_RATE'] ?? 5);
const SUBMIT_RATE = Number(process.env['BENCH_SUBMIT_RATE'] ?? 10);
/** Closed loop instead: as many submissions as 10 connections get through (throughput). */
const SUBMIT_CLOSED = process.env['BENCH_SUBMIT_CLOSED'] === '1';
const VALIDATE_BODY = JSON.stringify({
  files: [{ path: 'test_login.py', content: 'def test_login():\n    assert True\n' }],
});

const note = (message: string) => process.stderr.write(`bench: ${message}\n`);
const dataDir = await mkdtemp(join(tmpdir(), 'testops-bench-health-'));
let server: ChildProcess | undefined;
try {
  note('starting testops serve (embedded)');
  const started = await startServe(dataDir);
  server = started.process;
  const base = started.url;
  note('idle /health');
  const idle = await load(`${base}/health`, HEALTH_RATE, 5);

  const body = JSON.stringify({ requirements: requirements(LINES) });
  note(`submitting a test-cases job of ${(body.length / 1024 / 1024).toFixed(1)} MB (${LINES} lines)`);
  const submitted = await fetch(`${base}/api/v1/generate/test-cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const id = ((await submitted.json()) as { request_id?: string }).request_id;
  if (submitted.status !== 202 || !id) throw new Error(`the job was not accepted (${submitted.status})`);
  const runningAfterMs = await untilRunning(base, id);

  note(`loading /health, the task and submissions for ${WINDOW_S} s while the job runs`);
  const [health, task, submissions] = await Promise.all([
    load(`${base}/health`, HEALTH_RATE, WINDOW_S),
    TASK_RATE > 0 ? load(`${base}/api/v1/tasks/${id}`, TASK_RATE, WINDOW_S) : undefined,
    SUBMIT_CLOSED
      ? closedLoop(`${base}/api/v1/validate`)
      : SUBMIT_RATE > 0
        ? constantRateLoad({
            url: `${base}/api/v1/validate`,
            method: 'POST',
            body: VALIDATE_BODY,
            rate: SUBMIT_RATE,
            durationS: WINDOW_S,
            connections: 8,
          })
        : undefined,
  ]);
  const after = (await (await fetch(`${base}/api/v1/tasks/${id}`)).json()) as {
    status: string;
    attempts: number;
    errors: { code: string; message: string }[];
  };
  console.log(`\nhealth under load (${LINES} requirement lines, window ${WINDOW_S} s)`);
  console.log(
    `  job running after   ${runningAfterMs} ms; after the window: ${after.status} (attempt ${after.attempts})`,
  );
  console.log(`  /health idle        ${figures(idle)}`);
  console.log(`  /health, job runs   ${figures(health)}`);
  if (task) console.log(`  task route, job runs ${figures(task)}`);
  if (submissions)
    console.log(
      SUBMIT_CLOSED
        ? `  POST /validate, job runs ${figures(submissions)}; ${submissions.rps.toFixed(1)} req/s (closed loop, 10 connections)`
        : `  POST /validate, job runs ${figures(submissions)}; offered at ${SUBMIT_RATE}/s`,
    );
  for (const error of after.errors) console.log(`  job error ${error.code}: ${error.message.split('\n')[0]}`);
  if (after.status === 'running') await fetch(`${base}/api/v1/tasks/${id}/cancel`, { method: 'POST' });
} finally {
  if (server) await stop(server);
  await rm(dataDir, { recursive: true, force: true });
}

function figures(result: ConstantRateResult): string {
  const failed = result.non2xx + result.errors;
  return `p50 ${result.p50} ms, p99 ${result.p99} ms, max ${result.max} ms (${result.requests} requests, ${failed} failed)`;
}

async function closedLoop(url: string): Promise<ConstantRateResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: VALIDATE_BODY,
    connections: 10,
    duration: WINDOW_S,
  });
  return {
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function load(url: string, rate: number, durationS: number): Promise<ConstantRateResult> {
  return constantRateLoad({ url, method: 'GET', rate, durationS, connections: 8 });
}

/** Lines of user stories and acceptance criteria, 120 per item (the API takes up to 1,000 items). */
function requirements(lines: number): string[] {
  const items: string[] = [];
  for (let start = 0; start < lines; start += 120) {
    const block: string[] = [];
    for (let line = start; line < Math.min(lines, start + 120); line += 1)
      block.push(
        line % 6 === 0
          ? `As a buyer ${line} I filter orders by status.`
          : `- Status ${line % 7} orders list in 2 seconds.`,
      );
    items.push(block.join('\n'));
  }
  return items;
}

async function untilRunning(base: string, id: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const task = (await (await fetch(`${base}/api/v1/tasks/${id}`)).json()) as { status: string };
    if (task.status !== 'pending') return Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function startServe(dir: string): Promise<{ url: string; process: ChildProcess }> {
  return startProcess(['serve', '--port', '0', '--no-demos'], {
    ...process.env,
    TESTOPS_DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    TESTOPS_RATE_LIMIT: '100000000',
    TESTOPS_LIMIT_REQUIREMENTS_BYTES: String(64 * 1024 * 1024),
  });
}
