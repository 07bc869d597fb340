// `optimize` with the project's stored embeddings as its vector index (here PostgreSQL without
// pgvector: the scan; the service's test runs it on PGlite with pgvector): the same report as
// comparing every pair in memory, a second run that asks the provider for nothing, and an index
// that fails leaving the memory path.
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptimisationReport } from '../../src/core/existing-test.ts';
import type { VectorIndex } from '../../src/core/vector-index.ts';
import { optimizeTests } from '../../src/pipeline/optimize-tests.ts';
import { openStores } from '../../src/service/store/open-stores.ts';
import { projectVectorIndex } from '../../src/service/store/project-vector-index.ts';
import type { Stores } from '../../src/service/store/stores.ts';
import {
  createTestDatabase,
  tempDataDir,
  type TempDataDir,
  type TestDatabase,
} from '../service/support/databases.ts';
import { forgetModelSettings, useFixtureModel } from '../support/model-environment.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';

const SUITES = 'test/fixtures/suites';
let server: ModelServer;
let corpus: string;
let dataDir: TempDataDir;
let database: TestDatabase;
let stores: Stores | undefined;

beforeAll(async () => {
  server = await startModelServer();
  corpus = await mkdtemp(join(tmpdir(), 'testops-stored-embeddings-'));
  for (const suite of ['login', 'manual', 'playwright-ui'])
    await cp(join(SUITES, suite), join(corpus, 'tests', suite), { recursive: true });
  // Said in other words than the sign-in tests: only embeddings tie it to them.
  await writeFile(
    join(corpus, 'requirements.md'),
    '# Account\n\n- ACC-1: Log in with a valid password: the sign-in page shows the dashboard.\n',
  );
  dataDir = await tempDataDir('testops-stored-embeddings-');
  database = await createTestDatabase();
  useFixtureModel(server, 'success');
  process.env.TESTOPS_LLM_EMBEDDING_MODEL = 'fixture-embedding';
});
afterAll(async () => {
  forgetModelSettings();
  await stores?.close();
  await database?.drop();
  await dataDir?.remove();
  await rm(corpus, { recursive: true, force: true });
  await server.close();
});

const embeddingRequests = () => server.requests.filter((request) => request.path === '/v1/embeddings').length;

const optimize = (vectorIndex?: VectorIndex) =>
  optimizeTests({
    testsDir: join(corpus, 'tests'),
    requirements: join(corpus, 'requirements.md'),
    cache: false,
    ...(vectorIndex ? { vectorIndex } : {}),
  });

function findings(report: OptimisationReport): Omit<OptimisationReport, 'durations' | 'model'> {
  const { durations: _durations, model: _model, ...rest } = report;
  return rest;
}

describe('optimize with stored embeddings', () => {
  let inMemory: OptimisationReport;

  beforeAll(async () => {
    inMemory = await optimize();
  });

  it('gives the in-memory report, and a second run sends the provider nothing', async () => {
    stores = await openStores({
      databaseUrl: database.url,
      dataDir: dataDir.path,
      secretKey: randomBytes(32).toString('base64'),
    });
    const index = projectVectorIndex(stores.embeddings, 'stored-embeddings');
    const first = await optimize(index);
    const before = embeddingRequests();
    const second = await optimize(index);
    expect(embeddingRequests()).toBe(before);
    expect(findings(first)).toEqual(findings(inMemory));
    expect(findings(second)).toEqual(findings(inMemory));
    expect(second.model).toMatchObject({ status: 'used', fallbacks: [] });
    // Not an empty equality: the corpus has all three kinds of semantic pairs.
    expect(inMemory.duplicates.near.length).toBeGreaterThan(0);
    expect(inMemory.twins!.pairs.length).toBeGreaterThan(0);
    expect(
      inMemory.coverage.requirements!.some((entry) => entry.tests.some((test) => test.match === 'text')),
    ).toBe(true);
  });

  it('compares in memory when the index fails, and says so in the model section', async () => {
    const broken = () => Promise.reject(new Error('the database went away'));
    const report = await optimize({ vectors: broken, put: broken, neighbours: broken });
    expect(findings(report)).toEqual(findings(inMemory));
    expect(report.model!.fallbacks).toEqual([
      "the project's stored embeddings failed (the database went away) — vectors compared in memory",
    ]);
  });
});
