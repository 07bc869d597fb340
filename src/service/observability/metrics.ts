import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One namespace for everything we expose, process metrics included, so dashboards find it all. */
export const METRIC_PREFIX = 'testops_';

/**
 * Current job counts by status (e.g. `{ pending: 3, running: 1 }`), read at scrape time — from
 * `stores.jobs.counts()` or the queue's stats — so every replica's /metrics shows the shared queue.
 */
export type QueueDepthSource = () => Promise<Record<string, number>> | Record<string, number>;

export interface ServiceMetrics {
  readonly registry: Registry;
  /** The Content-Type of `/metrics` (Prometheus text format). */
  readonly contentType: string;
  /** The text exposition, for `/metrics`. */
  text(): Promise<string>;
  /** Supplies (or replaces) the queue-depth source once the store exists. */
  setQueueDepthSource(source: QueueDepthSource | undefined): void;

  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpRequestDuration: Histogram<'method' | 'route'>;
  jobsEnqueued: Counter<'kind'>;
  /** Jobs running in this process (a worker's view); the queue-depth gauge has everyone's. */
  jobsRunning: Gauge<'kind'>;
  jobDuration: Histogram<'kind' | 'status'>;
  jobFailures: Counter<'kind' | 'code'>;
  /** Job events (`what` = event) and progress updates (progress) that could not be stored. */
  jobWriteFailures: Counter<'kind' | 'what'>;
  testsGenerated: Counter<'kind'>;
  testsDelivered: Counter<'kind'>;
  testsFlaky: Counter<'kind'>;
  suspectedDefects: Counter<'kind'>;
  llmRequests: Counter<'provider' | 'model' | 'outcome'>;
  /** Copilot turns: `mode` command, model or no-model; `outcome` ok, stopped or error. */
  chatRequests: Counter<'mode' | 'outcome'>;
  /** `type` is `input`, `output` or `cached_input` (input the provider served from its cache). */
  llmTokens: Counter<'provider' | 'model' | 'type'>;
  llmRequestDuration: Histogram<'provider' | 'model'>;
  queueDepth: Gauge<'status'>;
}

export interface MetricsOptions {
  queueDepth?: QueueDepthSource;
  /** Node process metrics (CPU, memory, event loop, GC); tests that build many registries turn them off. */
  defaultMetrics?: boolean;
  /** How long a scrape waits for the queue-depth source before showing no figures. */
  queueDepthTimeoutMs?: number;
}

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
// Jobs run for seconds (a check) to tens of minutes (exploring a site, repeated suite runs).
const JOB_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600];
const LLM_BUCKETS = [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120];

/**
 * A registry of its own per call (tests create many; prom-client's global one would collide on
 * names) with typed handles for every metric the service records.
 */
export function createMetrics(options: MetricsOptions = {}): ServiceMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: METRIC_PREFIX });
  const registers = [registry];
  const name = (suffix: string) => `${METRIC_PREFIX}${suffix}`;

  const counter = <L extends string>(suffix: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name: name(suffix), help, labelNames, registers });
  const histogram = <L extends string>(
    suffix: string,
    help: string,
    labelNames: readonly L[],
    buckets: number[],
  ) => new Histogram<L>({ name: name(suffix), help, labelNames, buckets, registers });

  let queueDepthSource = options.queueDepth;
  const timeoutMs = options.queueDepthTimeoutMs ?? 2_000;
  // The scrape in progress; the error counter waits for it so one scrape shows its own failure.
  let reading: Promise<void> = Promise.resolve();
  const queueDepth = new Gauge<'status'>({
    name: name('job_queue_depth'),
    help: 'Jobs by status across all processes, read from the job store at scrape time.',
    labelNames: ['status'],
    registers,
    collect() {
      reading = readQueueDepth(this);
      return reading;
    },
  });
  const collectErrors = new Counter<'source'>({
    name: name('metrics_collect_errors_total'),
    help: 'Scrapes whose queue-depth source failed or timed out.',
    labelNames: ['source'],
    registers,
    collect: () => reading,
  });
  const readQueueDepth = async (gauge: Gauge<'status'>): Promise<void> => {
    if (!queueDepthSource) return;
    try {
      const counts = await withTimeout(Promise.resolve().then(queueDepthSource), timeoutMs);
      gauge.reset();
      for (const [status, count] of Object.entries(counts)) gauge.set({ status }, count);
    } catch {
      // A scrape must still answer when the database does not: stale figures would mislead, so
      // the series disappear and the error counter says why.
      gauge.reset();
      collectErrors.inc({ source: 'queue_depth' });
    }
  };

  return {
    registry,
    contentType: registry.contentType,
    text: () => registry.metrics(),
    setQueueDepthSource(source) {
      queueDepthSource = source;
    },
    httpRequests: counter('http_requests_total', 'HTTP requests answered.', ['method', 'route', 'status']),
    httpRequestDuration: histogram(
      'http_request_duration_seconds',
      'Time to answer an HTTP request.',
      ['method', 'route'],
      HTTP_BUCKETS,
    ),
    jobsEnqueued: counter('jobs_enqueued_total', 'Jobs accepted and queued.', ['kind']),
    jobsRunning: new Gauge<'kind'>({
      name: name('jobs_running'),
      help: 'Jobs running in this process.',
      labelNames: ['kind'],
      registers,
    }),
    jobDuration: histogram(
      'job_duration_seconds',
      'Time a job attempt ran, by final status.',
      ['kind', 'status'],
      JOB_BUCKETS,
    ),
    jobFailures: counter('job_failures_total', 'Failed job attempts by error code.', ['kind', 'code']),
    jobWriteFailures: counter(
      'job_write_failures_total',
      'Job events and progress updates that could not be stored (the job went on).',
      ['kind', 'what'],
    ),
    testsGenerated: counter('tests_generated_total', 'Tests generated.', ['kind']),
    testsDelivered: counter('tests_delivered_total', 'Tests that passed every repeat and were delivered.', [
      'kind',
    ]),
    testsFlaky: counter('tests_flaky_total', 'Tests quarantined as flaky.', ['kind']),
    suspectedDefects: counter(
      'suspected_defects_total',
      'Tests that failed consistently: suspected defects.',
      ['kind'],
    ),
    chatRequests: counter('chat_requests_total', 'Copilot chat turns by mode and outcome.', [
      'mode',
      'outcome',
    ]),
    llmRequests: counter('llm_requests_total', 'Requests to language models by outcome.', [
      'provider',
      'model',
      'outcome',
    ]),
    llmTokens: counter('llm_tokens_total', 'Tokens sent to and received from language models.', [
      'provider',
      'model',
      'type',
    ]),
    llmRequestDuration: histogram(
      'llm_request_duration_seconds',
      'Time a language-model request took.',
      ['provider', 'model'],
      LLM_BUCKETS,
    ),
    queueDepth,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
