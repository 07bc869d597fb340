// Service benchmark: `testops serve` as its own process on PostgreSQL + Redis (distributed mode,
// no worker attached, so submitted jobs stay queued), loaded over loopback at a constant rate (and,
// for reference, by autocannon's bursts). Prints figures; asserts nothing. Then SSE fan-out to 1,000 listeners of one job (a worker
// process runs it), and the idle RSS of `testops serve` in both modes.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Redis } from 'ioredis';
import { constantRateLoad } from './constant-rate-load.ts';
import { rssOf, startProcess, stop } from './serve-process.ts';

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
  const api = await startProcess(['serve', '--port', '0'], env, started);
  note(`loading ${api.url}`);
  const validateBody = JSON.stringify({
    files: [{ path: 'test_login.py', content: 'def test_login():\n    assert True\n' }],
  });

  const submit = await load(api, `${api.url}/api/v1/validate`, { method: 'POST', body: validateBody });
  const taskId = await firstTaskId(api.url);
  note('polling a task');
  const poll = await load(api, `${api.url}/api/v1/tasks/${taskId}`, { method: 'GET' });
  note('cancelling the jobs submitted under load, so the fan-out job does not queue behind them');
  await dropBacklog();
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
    const { steady, burst, cpuMsPerRequest: cpu } = result;
    row(
      name,
      `${steady.rps} req/s, p50 ${steady.p50} ms, p99 ${steady.p99} ms, max ${steady.max} ms`,
      `p99 < 50 ms at ${RATE} req/s`,
    );
    row('  non-2xx / errors', `${steady.non2xx} / ${steady.errors}`);
    row(
      '  CPU per request',
      `server ${cpu.server.toFixed(2)} ms, PostgreSQL ${cpu.postgres.toFixed(2)} ms, Redis ${cpu.redis.toFixed(2)} ms, load generator ${cpu.loadGenerator.toFixed(2)} ms`,
    );
    row(
      `  bursts: ${RATE} at each second's start`,
      `${burst.requests.average.toFixed(0)} req/s, p50 ${burst.latency.p50} ms, p99 ${burst.latency.p99} ms`,
      '(autocannon, 50 connections)',
    );
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
      submit: figures(submit),
      poll: figures(poll),
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

/**
 * The target's load: requests evenly spaced at RATE per second (open loop), with the CPU each
 * request cost the server, PostgreSQL, Redis and this process. Then, for reference, autocannon at
 * the same rate, whose rate limit sends each second's requests as a burst at its start.
 */
async function load(
  server: { process: ChildProcess },
  url: string,
  options: { method: 'GET' | 'POST'; body?: string },
) {
  // A short warm-up so JIT and connection pools are not measured.
  await constantRateLoad({ url, ...options, rate: RATE, durationS: 2, connections: 50 });
  const before = await cpuSample(server.process);
  const steady = await constantRateLoad({
    url,
    ...options,
    rate: RATE,
    durationS: DURATION_S,
    connections: 50,
  });
  const after = await cpuSample(server.process);
  const perRequest = (key: keyof typeof before) => (after[key] - before[key]) / Math.max(1, steady.requests);
  const burst = await autocannon({
    url,
    method: options.method,
    ...(options.body ? { body: options.body } : {}),
    headers: { 'content-type': 'application/json' },
    connections: 50,
    overallRate: RATE,
    duration: Math.min(DURATION_S, 10),
  });
  return {
    steady,
    burst,
    cpuMsPerRequest: {
      server: perRequest('server'),
      postgres: perRequest('postgres'),
      redis: perRequest('redis'),
      loadGenerator: perRequest('loadGenerator'),
    },
  };
}

function figures({ steady, burst, cpuMsPerRequest }: Awaited<ReturnType<typeof load>>) {
  return {
    ...steady,
    cpuMsPerRequest,
    burst: {
      rps: burst.requests.average,
      p50: burst.latency.p50,
      p99: burst.latency.p99,
      non2xx: burst.non2xx,
    },
  };
}

/**
 * CPU time used so far by the server, by all PostgreSQL and Redis processes of this machine (both
 * run locally in this benchmark) and by this process, which generates the load: on 2 shared cores,
 * where the time goes decides the latency.
 */
async function cpuSample(server: ChildProcess) {
  const byCommand = { postgres: 0, 'redis-server': 0 } as Record<string, number>;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    const command = /\((.*)\)/.exec(stat)?.[1] ?? '';
    if (command in byCommand) byCommand[command]! += ticksToMs(stat);
  }
  return {
    server: ticksToMs(await readFile(`/proc/${server.pid}/stat`, 'utf8')),
    postgres: byCommand['postgres']!,
    redis: byCommand['redis-server']!,
    loadGenerator: ticksToMs(await readFile('/proc/self/stat', 'utf8')),
  };
}

/** User + system CPU time of a /proc/<pid>/stat line (clock ticks of 10 ms). */
function ticksToMs(stat: string): number {
  // Fields after the command name (which may hold spaces) start at the state, field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * The jobs submitted under load wait in the queue; a worker would run every one of them before
 * the fan-out job. They are cancelled in the store and dropped from Redis.
 */
async function dropBacklog(): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("update jobs set status = 'cancelled', finished_at = now() where status = 'pending'");
  } finally {
    await client.end();
  }
  await deleteKeys(prefix);
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
    const server = await startProcess(
      ['serve', '--port', '0', '--no-demos'],
      { ...process.env, TESTOPS_DATA_DIR: embeddedDir, LOG_LEVEL: 'warn' },
      started,
    );
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
