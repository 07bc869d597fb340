// `testops optimize` with the provider's embeddings, over real HTTP against the fixture model
// server: a paraphrase TF-IDF cannot see, manual cases paired with their automated twins, the
// response cache, and embeddings that fail or are garbage leaving the `--llm off` report.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OptimisationReport } from '../../src/core/existing-test.ts';
import { MemoryCache } from '../../src/llm/memory-cache.ts';
import { optimizeTests } from '../../src/pipeline/optimize-tests.ts';
import { forgetModelSettings, useFixtureModel } from '../support/model-environment.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';

const TESTS = 'test/fixtures/suites/login';
const LOG_IN = 'test_login_cases.py::TestSignIn::test_log_in_with_valid_password';
const AUTHENTICATE = 'test_login_cases.py::TestSignIn::test_authenticate_with_correct_credentials';
const SIGNS_IN = 'tests/login.spec.ts::signs in with correct credentials';

let server: ModelServer;

beforeAll(async () => {
  server = await startModelServer();
});
afterAll(async () => {
  await server.close();
});
afterEach(forgetModelSettings);

function useEmbeddings(model: string): void {
  useFixtureModel(server, 'success');
  process.env.TESTOPS_LLM_EMBEDDING_MODEL = model;
}

const embeddingRequests = () => server.requests.filter((request) => request.path === '/v1/embeddings');

/** The report without what differs between any two runs (timings) and the model's own section. */
function findings(report: OptimisationReport): Omit<OptimisationReport, 'durations' | 'model'> {
  const { durations: _durations, model: _model, ...rest } = report;
  return rest;
}

describe('optimize with embeddings', () => {
  it('without a model, TF-IDF sees neither the paraphrase nor the twins', async () => {
    const report = await optimizeTests({ testsDir: TESTS, llm: 'off' });
    expect(report.inputs.similarity).toBe('tf-idf cosine');
    expect(report.duplicates.near).toEqual([]);
    expect(report.twins).toMatchObject({ threshold: 0.45, pairs: [] });
    expect(report.twins!.notAutomated).toHaveLength(4);
    expect(report.model).toMatchObject({ mode: 'off', status: 'off' });
  });

  it('finds the reworded copy and pairs both manual cases with the autotest that signs in', async () => {
    useEmbeddings('fixture-embedding');
    const before = embeddingRequests().length;
    const report = await optimizeTests({ testsDir: TESTS, cache: false });
    expect(report.inputs).toMatchObject({
      similarity: 'embedding cosine (fixture-embedding)',
      nearDuplicateThreshold: 0.9,
    });
    expect(report.duplicates.near.map((pair) => pair.tests.map((test) => test.id).sort())).toEqual([
      [AUTHENTICATE, LOG_IN],
    ]);
    expect(report.twins!.threshold).toBe(0.8);
    expect(report.twins!.pairs.map((pair) => [pair.manual.id, pair.automated.id])).toEqual([
      [LOG_IN, SIGNS_IN],
      [AUTHENTICATE, SIGNS_IN],
    ]);
    expect(report.twins!.notAutomated.map((ref) => ref.title)).toEqual([
      'Log out from the account menu',
      'Export the report as CSV',
    ]);
    expect(report.model).toMatchObject({
      status: 'used',
      capabilities: [{ capability: 'semantic duplicates', status: 'used', delivered: 3 }],
      fallbacks: [],
    });
    // Batched: each corpus (near duplicates, twins) in one request of its distinct texts.
    const sent = embeddingRequests().slice(before);
    expect(sent).toHaveLength(2);
    expect(sent.every((request) => (request.body as { input: string[] }).input.length <= 64)).toBe(true);
  });

  it('answers a second identical run from the response cache', async () => {
    useEmbeddings('fixture-embedding');
    const cache = new MemoryCache();
    const first = await optimizeTests({ testsDir: TESTS, responseCache: cache });
    const before = embeddingRequests().length;
    const second = await optimizeTests({ testsDir: TESTS, responseCache: cache });
    expect(embeddingRequests().length).toBe(before);
    expect(findings(second)).toEqual(findings(first));
    expect(second.model!.usage).toMatchObject({ calls: 2, fromCache: 2 });
  });

  it.each(['fixture-embedding-garbage', 'fixture-embedding-down'])(
    'gives the --llm off report when the embedding model answers badly (%s)',
    async (model) => {
      const off = await optimizeTests({ testsDir: TESTS, llm: 'off' });
      useEmbeddings(model);
      const before = embeddingRequests().length;
      const report = await optimizeTests({ testsDir: TESTS, cache: false });
      expect(embeddingRequests().length).toBeGreaterThan(before);
      expect(findings(report)).toEqual(findings(off));
      expect(report.model).toMatchObject({ status: 'unavailable' });
      expect(report.model!.fallbacks[0]).toMatch(
        /^model unavailable — deterministic result \(semantic duplicates: /,
      );
    },
  );

  it('refuses a twin threshold outside (0, 1]', async () => {
    await expect(optimizeTests({ testsDir: TESTS, llm: 'off', twinThreshold: 1.5 })).rejects.toThrow(
      /the twin threshold must be in \(0, 1\], got 1.5/,
    );
  });
});
