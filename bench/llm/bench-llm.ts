// The model layer's cost and resilience on the calculator requirements, against the local
// OpenAI-compatible fixture server (no real model is reachable here; its latency is simulated):
// our overhead per model-assisted case beside the model's own latency, the cache hit rate of a
// second identical run, and how runs complete when 30 % of model calls fail (requirements → cases,
// API test data, UI business rules); then the input tokens per page of the calculator's explored
// model (explored in a real browser; run under the browser lock on a shared machine); test
// repairs of two planted locator mistakes and of three planted API mistakes (a missing create,
// missing credentials): proposed, rejected, delivered after N/N passes; and `optimize` with
// embeddings: embedding requests, the cache hit rate of a second run, and a second run served by
// the project's stored embeddings (as the service's optimize job uses them).
// Run: npm run bench:llm [runs]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PipelineEvent } from '../../src/core/events.ts';
import type { ModelUsage } from '../../src/core/model-client.ts';
import type { ResponseCache } from '../../src/core/response-cache.ts';
import { MemoryCache } from '../../src/llm/memory-cache.ts';
import { generateCases } from '../../src/pipeline/generate-cases.ts';
import { generateApi } from '../../src/pipeline/generate-api.ts';
import { exploreUi, generateUi } from '../../src/pipeline/generate-ui.ts';
import { optimizeTests } from '../../src/pipeline/optimize-tests.ts';
import type { ModelSection } from '../../src/core/model-client.ts';
import { PAGE_TOKEN_BUDGET, pageDigest } from '../../src/generation/ui/page-digest.ts';
import { startPriceCalculator } from '../../examples/price-calculator/server.ts';
import { startModelServer, type ModelServer } from '../../test/support/model-fixture-server.ts';
import { plantUiMistakes } from '../../test/support/planted-ui-mistakes.ts';
import { plantedApiRepairRun } from '../../test/support/planted-api-mistakes.ts';
import { startComputeApi } from '../../examples/compute-api/server.ts';

const REQUIREMENTS = 'test/fixtures/requirements/price-calculator.md';
const MODEL_LATENCY_MS = 400;
const runs = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 20);
const outRoot = await mkdtemp(join(tmpdir(), 'bench-llm-'));

interface Run {
  cases: number;
  designMs: number;
  calls: ModelUsage[];
  status: string | undefined;
  failedBatches: number;
}

async function casesRun(options: { llm: 'off' | 'auto'; cache?: ResponseCache }): Promise<Run> {
  const events: PipelineEvent[] = [];
  const result = await generateCases({
    source: { kind: 'requirements', path: REQUIREMENTS },
    format: 'json',
    outDir: join(outRoot, String(Math.random()).slice(2)),
    llm: options.llm,
    cache: options.cache !== undefined,
    ...(options.cache ? { responseCache: options.cache } : {}),
    events: (event) => events.push(event),
  });
  return {
    cases: result.set.cases.length,
    designMs: result.durations['design']!,
    calls: events.flatMap((event) => (event.type === 'model-call' ? [event.usage] : [])),
    status: result.model?.status,
    failedBatches: result.model?.failedBatches ?? 0,
  };
}

function useModel(server: ModelServer, retries: number): void {
  Object.assign(process.env, {
    TESTOPS_LLM_BASE_URL: server.baseUrl,
    TESTOPS_LLM_MODEL: 'fixture-json-mode',
    TESTOPS_LLM_MAX_RETRIES: String(retries),
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function overhead(): Promise<void> {
  const server = await startModelServer({ scenario: 'success', latencyMs: MODEL_LATENCY_MS });
  useModel(server, 0);
  const off: number[] = [];
  const on: Run[] = [];
  for (let index = 0; index < 5; index += 1) {
    off.push((await casesRun({ llm: 'off' })).designMs);
    on.push(await casesRun({ llm: 'auto' }));
  }
  await server.close();
  const added = on[0]!.cases - (await casesRun({ llm: 'off' })).cases;
  // Batches run concurrently: the model's share of the wall time is its slowest call per run.
  const modelMs = median(on.map((run) => Math.max(...run.calls.map((call) => call.latencyMs))));
  const ours = median(on.map((run) => run.designMs)) - median(off) - modelMs;
  console.log(
    `model-assisted cases     ${added} added to ${on[0]!.cases - added} deterministic (${on[0]!.calls.length} calls per run)`,
  );
  console.log(
    `model latency            ${modelMs} ms per run (simulated ${MODEL_LATENCY_MS} ms per call + fixture server)`,
  );
  console.log(
    `our overhead             ${Math.max(0, ours)} ms per run, ${(Math.max(0, ours) / added).toFixed(1)} ms per model-assisted case`,
  );
}

async function cacheHits(): Promise<void> {
  const server = await startModelServer({ scenario: 'success' });
  useModel(server, 0);
  const cache = new MemoryCache();
  const first = await casesRun({ llm: 'auto', cache });
  const second = await casesRun({ llm: 'auto', cache });
  await server.close();
  const hits = second.calls.filter((call) => call.fromCache).length;
  console.log(
    `cache, second run        ${hits}/${second.calls.length} answers from the cache (${Math.round((100 * hits) / second.calls.length)} %), same cases: ${first.cases === second.cases}`,
  );
}

async function failingCalls(retries: number): Promise<void> {
  const server = await startModelServer({ scenario: 'success', failureRate: 0.3 });
  useModel(server, retries);
  const results: Run[] = [];
  for (let index = 0; index < runs; index += 1) results.push(await casesRun({ llm: 'auto' }));
  await server.close();
  const failed = results.reduce((sum, run) => sum + run.failedBatches, 0);
  const byStatus = Object.entries(
    results.reduce<Record<string, number>>(
      (counts, run) => ({ ...counts, [run.status!]: (counts[run.status!] ?? 0) + 1 }),
      {},
    ),
  )
    .map(([status, count]) => `${status} ${count}`)
    .join(', ');
  console.log(
    `30 % failing, retries ${retries}  ${results.length}/${runs} runs completed (${byStatus}); ${failed} batch(es) fell back to the deterministic result`,
  );
}

/** `testops optimize` with embeddings on the fixture suites: embedding calls, time, cache hits of a second run. */
async function semanticDuplicates(): Promise<void> {
  const server = await startModelServer({ scenario: 'success' });
  useModel(server, 0);
  process.env.TESTOPS_LLM_EMBEDDING_MODEL = 'fixture-embedding';
  const cache = new MemoryCache();
  const optimize = async (llm: 'off' | 'auto') => {
    const calls: ModelUsage[] = [];
    const started = performance.now();
    const report = await optimizeTests({
      testsDir: 'test/fixtures/suites',
      llm,
      responseCache: cache,
      events: (event) => void (event.type === 'model-call' && calls.push(event.usage)),
    });
    return { report, calls, ms: Math.round(performance.now() - started) };
  };
  const off = await optimize('off');
  const requests = () => server.requests.filter((request) => request.path === '/v1/embeddings');
  const first = await optimize('auto');
  const sent = requests();
  const texts = sent.reduce((sum, request) => sum + (request.body as { input: string[] }).input.length, 0);
  const second = await optimize('auto');
  const secondSent = requests().length - sent.length;
  const stored = await storedEmbeddingsRuns(requests);
  await server.close();
  delete process.env.TESTOPS_LLM_EMBEDDING_MODEL;
  const hits = second.calls.filter((call) => call.fromCache).length;
  console.log(
    `embeddings, optimize     ${first.report.summary.tests} tests: ${sent.length} embedding request(s) for ${texts} texts, ${first.ms} ms (TF-IDF alone ${off.ms} ms); twins ${first.report.twins?.pairs.length ?? 0} (TF-IDF ${off.report.twins?.pairs.length ?? 0}), near duplicates ${first.report.duplicates.near.length} (TF-IDF ${off.report.duplicates.near.length})`,
  );
  console.log(
    `embeddings, second run   ${hits}/${second.calls.length} embedding calls from the cache (${Math.round((100 * hits) / Math.max(1, second.calls.length))} %), ${secondSent} request(s) sent`,
  );
  console.log(
    `embeddings, stored       second run with the project's stored embeddings (PGlite, pgvector; no response cache): ${stored.requests} provider request(s), ${stored.fromStore} vectors from the store, ${stored.ms} ms (first ${stored.firstMs} ms)`,
  );
}

/**
 * Two runs as an optimize job makes them: no response cache, the project's stored embeddings
 * as the vector index (an embedded database, opened once outside the timings).
 */
async function storedEmbeddingsRuns(requests: () => unknown[]) {
  const { openStores } = await import('../../src/service/store/open-stores.ts');
  const { projectVectorIndex } = await import('../../src/service/store/project-vector-index.ts');
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-llm-stored-'));
  const stores = await openStores({ dataDir });
  try {
    const index = projectVectorIndex(stores.embeddings, 'bench');
    let fromStore = 0;
    const counted = {
      ...index,
      vectors: async (refs: readonly string[]) => {
        const found = await index.vectors(refs);
        fromStore += found.size;
        return found;
      },
    };
    const run = async () => {
      const started = performance.now();
      await optimizeTests({ testsDir: 'test/fixtures/suites', cache: false, vectorIndex: counted });
      return Math.round(performance.now() - started);
    };
    const firstMs = await run();
    const [before, storedBefore] = [requests().length, fromStore];
    const ms = await run();
    return { requests: requests().length - before, fromStore: fromStore - storedBefore, ms, firstMs };
  } finally {
    await stores.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `bench:llm — calculator requirements, local fixture model, ${runs} runs for the failure figures\n`,
);
await overhead();
await cacheHits();
await failingCalls(0);
await failingCalls(2);
await semanticDuplicates();
const siteModel = await exploredCalculator();
await failingJobs(siteModel);
await tokensPerPage(siteModel);
await repairs();
await apiRepairs();
await apiRules();
await rm(outRoot, { recursive: true, force: true });

/** The calculator explored once (6 pages, as bench:ui does): the UI figures read its model. */
async function exploredCalculator(): Promise<string> {
  const calculator = await startPriceCalculator({ fault: null });
  const outDir = join(outRoot, 'explored');
  try {
    await exploreUi({ url: `${calculator.url}/`, allowPrivate: true, maxPages: 6, outDir });
  } finally {
    await calculator.close();
  }
  return join(outDir, 'model', 'site-model.json');
}

/** API test data and UI business rules with 30 % of calls failing: every run completes. */
async function failingJobs(siteModel: string): Promise<void> {
  const server = await startModelServer({ failureRate: 0.3 });
  Object.assign(process.env, { TESTOPS_LLM_BASE_URL: server.baseUrl, TESTOPS_LLM_MAX_RETRIES: '0' });
  const sections: { job: string; section: ModelSection | undefined }[] = [];
  for (let index = 0; index < runs; index += 1) {
    process.env['TESTOPS_LLM_MODEL'] = 'api-values';
    const api = await generateApi({
      spec: 'examples/compute-api/openapi.yaml',
      outDir: join(outRoot, `api-${index}`),
      format: 'playwright-ts',
      cache: false,
    });
    sections.push({ job: 'api', section: api.model });
    process.env['TESTOPS_LLM_MODEL'] = 'ui-scenarios';
    const ui = await generateUi({
      url: 'http://127.0.0.1/',
      model: siteModel,
      outDir: join(outRoot, `ui-${index}`),
      cache: false,
    });
    sections.push({ job: 'ui', section: ui.model });
  }
  await server.close();
  for (const job of ['api', 'ui']) {
    const mine = sections.filter((entry) => entry.job === job);
    const capabilities = mine.flatMap((entry) => entry.section?.capabilities ?? []);
    const fellBack = capabilities.reduce((sum, entry) => sum + entry.failedBatches, 0);
    const batches = mine.reduce((sum, entry) => sum + (entry.section?.usage?.calls ?? 0), 0);
    const unavailable = capabilities.filter((entry) => entry.status === 'unavailable').length;
    console.log(
      `30 % failing, ${job.padEnd(3)} jobs   ${mine.length}/${runs} completed; ${fellBack} of ${batches} model call(s) fell back to the deterministic result (${unavailable} run(s) wholly deterministic)`,
    );
  }
}

/** The calculator's explored model as prompts: estimated input tokens per page, against the budget. */
async function tokensPerPage(siteModel: string): Promise<void> {
  const { readSiteModel } = await import('../../src/sources/web/site-model-io.ts');
  const model = await readSiteModel(siteModel);
  const figures = model.pages.map((page) => ({ page: page.path, tokens: pageDigest(page).tokens }));
  const largest = Math.max(...figures.map((figure) => figure.tokens));
  console.log(
    `input tokens per page    ${figures.map((figure) => `${figure.page} ${figure.tokens}`).join(', ')} (largest ${largest}; budget ${PAGE_TOKEN_BUDGET}; 4 characters per token, see page-digest.ts)`,
  );
}

/**
 * Test repairs on the calculator's configure page: two planted locator mistakes, the recorded
 * repairs (one to an element the page has, one naming a missing element), each run 3 times.
 */
async function repairs(): Promise<void> {
  const server = await startModelServer({ scenario: 'ui-repairs' });
  useModel(server, 0);
  const calculator = await startPriceCalculator({ fault: null });
  try {
    const url = `${calculator.url}/configure/vm`;
    const outDir = join(outRoot, 'repair');
    const explored = await exploreUi({
      url,
      allowPrivate: true,
      maxPages: 1,
      outDir: join(outDir, 'explored'),
    });
    const started = Date.now();
    const report = await generateUi({
      url,
      model: explored.file,
      outDir: join(outDir, 'suite'),
      kinds: ['smoke'],
      cache: false,
      run: true,
      repeat: 3,
      alterDesign: plantUiMistakes,
    });
    const entry = report.model?.capabilities.find(
      (capability) => capability.capability === 'ui → test repair',
    );
    const outcomes = (report.repairs ?? []).map((repair) => repair.outcome).join(', ');
    console.log(
      `test repairs             ${report.repairs?.length ?? 0} failed test(s) classified as test mistakes; ${entry?.proposed ?? 0} repair(s) proposed, ${entry?.rejected ?? 0} rejected, ${entry?.delivered ?? 0} delivered after 3/3 passes (${outcomes}); generate + run + repair ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await calculator.close();
    await server.close();
  }
}

/**
 * Test repairs on the compute demo: three planted API mistakes (two reads whose create was
 * dropped, a list sent without credentials), the recorded repairs, each run 3 times.
 */
async function apiRepairs(): Promise<void> {
  const server = await startModelServer({ scenario: 'api-repairs' });
  useModel(server, 0);
  const compute = await startComputeApi({ fault: null });
  try {
    const started = Date.now();
    const report = await generateApi(plantedApiRepairRun(compute, join(outRoot, 'api-repair'), 3));
    const entry = report.model?.capabilities.find(
      (capability) => capability.capability === 'api → test repair',
    );
    const outcomes = (report.repairs ?? []).map((repair) => repair.outcome).join(', ');
    console.log(
      `api test repairs         ${report.repairs?.length ?? 0} failed test(s) classified as test mistakes; ${entry?.proposed ?? 0} repair(s) proposed, ${entry?.rejected ?? 0} rejected, ${entry?.delivered ?? 0} delivered after 3/3 passes (${outcomes}); generate + run + repair ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await compute.close();
    await server.close();
  }
}

/**
 * Business rules on the compute demo: every operation offered to the model, the recorded rules
 * (two the demo keeps, one wrong guess, three unfounded), the rule cases run 3 times.
 */
async function apiRules(): Promise<void> {
  const server = await startModelServer({ scenario: 'api-rules' });
  useModel(server, 0);
  const compute = await startComputeApi({ fault: null });
  try {
    const started = Date.now();
    const report = await generateApi({
      spec: 'examples/compute-api/openapi.yaml',
      outDir: join(outRoot, 'api-rules'),
      format: 'playwright-ts',
      baseUrl: compute.url,
      headers: [`Authorization: Bearer ${compute.token}`],
      variables: { project_id: compute.projectId },
      kinds: ['rule'],
      cache: false,
      run: true,
      learn: false,
      repeat: 3,
    });
    const entry = report.model?.capabilities.find(
      (capability) => capability.capability === 'api → business rules',
    );
    const unconfirmed = report.model?.unconfirmedScenarios?.length ?? 0;
    console.log(
      `api business rules       ${entry?.proposed ?? 0} case(s) proposed over ${report.operations.total} operation(s), ${entry?.rejected ?? 0} rejected, ${entry?.delivered ?? 0} delivered after 3/3 passes, ${unconfirmed} unconfirmed (not defects), ${report.findings.length} finding(s); generate + run ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await compute.close();
    await server.close();
  }
}
