// Service benchmark: `testops serve` as its own process on PostgreSQL + Redis (distributed mode,
// no worker attached, so submitted jobs stay queued), loaded over loopback by autocannon.
// Prints figures; asserts nothing. Then SSE fan-out to 1,000 listeners of one job (a worker
// process runs it), and the idle RSS of `testops serve` in both modes.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';

const POSTGRES = process.env['TESTOPS_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const RATE = Number(process.env['BENCH_RATE'] ?? 500);
const DURATION_S = Number(process.env['BENCH_DURATION'] ?? 15);
const LISTENERS = Number(process.env['BENCH_LISTENERS'] ?? 1000);
const BIN = new URL('../../bin/testops.js', import.meta.url).pathname;

const started: ChildProcess[] = [];
const database = `testops_bench_${randomBytes(4).toString('hex')}`;
const prefix = `bench-${randomBytes(4).toString('hex')}`;
const dataDir = await mkdtemp(join(tmpdir(), 'testops-bench-service-'));
const databaseUrl = withDatabase(POSTGRES, database);
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  REDIS_URL: REDIS,
  TESTOPS_QUEUE_PREFIX: prefix,
  TESTOPS_SECRET_KEY: randomBytes(32).toString('base64'),
  TESTOPS_DATA_DIR: dataDir,
  TESTOPS_RATE_LIMIT: '100000000',
  LOG_LEVEL: 'warn',
};

const note = (message: string) => process.stderr.write(`bench: ${message}\n`);
try {
  await admin(`create database "${database}"`);
  note('starting testops serve on PostgreSQL + Redis');
  const api = await startProcess(['serve', '--port', '0'], env);
  note(`loading ${api.url}`);
  const validateBody = JSON.stringify({
    files: [{ path: 'test_login.py', content: 'def test_login():\n    assert True\n' }],
  });

  const submit = await load(`${api.url}/api/v1/validate`, { method: 'POST', body: validateBody });
  const taskId = await firstTaskId(api.url);
  note('polling a task');
  const poll = await load(`${api.url}/api/v1/tasks/${taskId}`, { method: 'GET' });
  note(`SSE fan-out to ${LISTENERS} listeners`);
  const fanOut = await sseFanOut(api.url, validateBody);
  note('idle RSS');
  const distributedRss = await rssOf(api.process);
  await stop(api.process);
  const embeddedRss = await idleEmbeddedRss();

  console.log(
    `Service benchmark (loopback, ${RATE} requests/s for ${DURATION_S} s each, PostgreSQL + Redis)`,
  );
  const row = (name: string, value: string, target = '') =>
    console.log(`  ${name.padEnd(44)} ${value.padEnd(34)} ${target}`);
  for (const [name, result] of [
    ['POST /api/v1/validate (job submission)', submit],
    ['GET /api/v1/tasks/{id}', poll],
  ] as const) {
    row(
      name,
      `${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
      'p99 < 50 ms at 500 req/s',
    );
    row('  non-2xx / errors / timeouts', `${result.non2xx} / ${result.errors} / ${result.timeouts}`);
  }
  row(
    `SSE fan-out: ${LISTENERS} listeners of one job`,
    `${fanOut.complete}/${LISTENERS} got all ${fanOut.events} events`,
    'all receive every event',
  );
  row('  first event → last listener done', `${fanOut.spreadMs} ms`);
  row(
    'idle RSS of testops serve (PGlite, embedded)',
    `${embeddedRss.restart} MB (first start ${embeddedRss.first} MB)`,
    'target < 300 MB',
  );
  row('idle RSS of testops serve (PostgreSQL + Redis)', `${distributedRss} MB`, '(after the load above)');
  console.log(
    JSON.stringify({
      bench: 'service',
      submit: {
        rps: submit.requests.average,
        p50: submit.latency.p50,
        p99: submit.latency.p99,
        non2xx: submit.non2xx,
      },
      poll: { rps: poll.requests.average, p50: poll.latency.p50, p99: poll.latency.p99, non2xx: poll.non2xx },
      fanOut,
      embeddedRss,
      distributedRss,
    }),
  );
} finally {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await admin(`drop database if exists "${database}" with (force)`).catch(() => undefined);
  await deleteKeys(prefix).catch(() => undefined);
  await rm(dataDir, { recursive: true, force: true });
}

async function load(url: string, options: { method: 'GET' | 'POST'; body?: string }) {
  // A short warm-up so JIT and connection pools are not measured.
  await autocannon({
    url,
    ...options,
    headers: { 'content-type': 'application/json' },
    connections: 10,
    duration: 2,
  });
  return autocannon({
    url,
    method: options.method,
    ...(options.body ? { body: options.body } : {}),
    headers: { 'content-type': 'application/json' },
    connections: 50,
    overallRate: RATE,
    duration: DURATION_S,
  });
}

async function firstTaskId(base: string): Promise<string> {
  const list = (await (await fetch(`${base}/api/v1/tasks?limit=1`)).json()) as {
    items: { request_id: string }[];
  };
  return list.items[0]!.request_id;
}

/** Opens LISTENERS streams of one job, lets a worker process run it, counts what each listener got. */
async function sseFanOut(base: string, body: string) {
  const submitted = (await (
    await fetch(`${base}/api/v1/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
  ).json()) as { request_id: string };
  const id = submitted.request_id;
  const counts: number[] = new Array(LISTENERS).fill(0);
  const doneAt: number[] = [];
  let firstEventAt = 0;
  const streams = Array.from(
    { length: LISTENERS },
    (_, index) =>
      new Promise<void>((resolve, reject) => {
        const req = request(`${base}/api/v1/stream/${id}`, { agent: false }, (response) => {
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            const events = chunk
              .split('\n\n')
              .filter((block) => block.includes('\ndata: ') || block.startsWith('id: '));
            if (events.length > 0 && firstEventAt === 0) firstEventAt = performance.now();
            counts[index]! += events.length;
          });
          response.on('end', () => {
            doneAt.push(performance.now());
            resolve();
          });
        });
        req.on('error', reject);
        req.end();
      }),
  );
  // Every listener is connected before the job can start: the worker starts only now.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const worker = await startWorker();
  await Promise.all(streams);
  await stop(worker);
  const stored = await storedEventCount(id);
  return {
    events: stored,
    complete: counts.filter((count) => count === stored).length,
    spreadMs: Math.round(Math.max(...doneAt) - firstEventAt),
  };
}

async function storedEventCount(jobId: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query('select count(*)::int as n from job_events where job_id = $1', [jobId]);
    return (result.rows[0] as { n: number }).n;
  } finally {
    await client.end();
  }
}

async function startWorker(): Promise<ChildProcess> {
  const worker = spawn(process.execPath, [BIN, 'worker'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  started.push(worker);
  await new Promise<void>((resolve, reject) => {
    worker.stderr!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('running')) resolve();
    });
    worker.on('exit', (code) => reject(new Error(`the worker exited with ${code}`)));
  });
  return worker;
}

/** Idle RSS of `testops serve` on PGlite: on its first start (which creates the cluster) and on a restart. */
async function idleEmbeddedRss(): Promise<{ first: number; restart: number }> {
  const embeddedDir = await mkdtemp(join(tmpdir(), 'testops-bench-embedded-'));
  const once = async () => {
    const server = await startProcess(['serve', '--port', '0', '--no-demos'], {
      ...process.env,
      TESTOPS_DATA_DIR: embeddedDir,
      LOG_LEVEL: 'warn',
    });
    await fetch(`${server.url}/ready`);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const rss = await rssOf(server.process);
    await stop(server.process);
    return rss;
  };
  try {
    const first = await once();
    return { first, restart: await once() };
  } finally {
    await rm(embeddedDir, { recursive: true, force: true });
  }
}

async function startProcess(
  args: string[],
  processEnv: NodeJS.ProcessEnv,
): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: processEnv,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  started.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /API on (http:\/\/\S+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    child.on('exit', (code) =>
      reject(new Error(`testops ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
  return { url, process: child };
}

async function rssOf(child: ChildProcess): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function deleteKeys(keyPrefix: string): Promise<void> {
  const redis = new Redis(REDIS);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}:*`, 'COUNT', 500);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
