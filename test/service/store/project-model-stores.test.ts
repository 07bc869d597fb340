import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { UsageTotals } from '../../../src/core/model-client.ts';
import { openStores, openStoresWithDatabase } from '../../../src/service/store/open-stores.ts';
import type { Stores } from '../../../src/service/store/stores.ts';
import { createTestDatabase, tempDataDir } from '../support/databases.ts';

// A project's model settings and its usage totals, on PGlite and PostgreSQL alike (one migration).
const secretKey = randomBytes(32).toString('base64');
const dataDir = await tempDataDir();
const database = await createTestDatabase('testops_project_model');
const opened: Stores[] = [];

afterAll(async () => {
  for (const stores of opened) await stores.close();
  await database.drop();
  await dataDir.remove();
});

const usage = (calls: number, extra: Partial<UsageTotals> = {}): UsageTotals => ({
  calls,
  fromCache: 0,
  failed: 0,
  inputTokens: 100 * calls,
  outputTokens: 10 * calls,
  cachedInputTokens: 0,
  costUsd: undefined,
  costRub: undefined,
  ...extra,
});

function describeModelStores(label: string, open: () => Promise<Stores>): void {
  describe(`project model stores on ${label}`, () => {
    const project = () => `m-${randomUUID().slice(0, 8)}`;
    let stores: Stores | undefined;
    const opening = async () => {
      if (!stores) opened.push((stores = await open()));
      return stores;
    };

    it('stores, replaces and deletes a project’s model settings, creating the project', async () => {
      const { projectModels, projects } = await opening();
      const id = project();
      expect(await projectModels.get(id)).toBeUndefined();
      await projectModels.put(id, {
        provider: 'custom',
        baseUrl: 'http://127.0.0.1:9/v1',
        model: 'm1',
        embeddingModel: undefined,
        options: { max_retries: 0 },
      });
      expect(await projects.get(id)).toBeDefined();
      await projectModels.put(id, {
        provider: 'openrouter',
        baseUrl: undefined,
        model: 'm2',
        embeddingModel: 'e2',
        options: {},
      });
      expect(await projectModels.get(id)).toMatchObject({
        provider: 'openrouter',
        baseUrl: undefined,
        model: 'm2',
        embeddingModel: 'e2',
        options: {},
      });
      expect(await projectModels.delete(id)).toBe(true);
      expect(await projectModels.delete(id)).toBe(false);
      expect(await projectModels.get(id)).toBeUndefined();
    });

    it('sums usage per project, one row per job attempt however often it is recorded', async () => {
      const { modelUsage } = await opening();
      const id = project();
      const other = project();
      expect(await modelUsage.totals(id)).toEqual({ attempts: 0, ...usage(0) });
      await modelUsage.record({ projectId: id, jobId: 'j1', attempt: 1, totals: usage(2, { failed: 1 }) });
      await modelUsage.record({ projectId: id, jobId: 'j1', attempt: 1, totals: usage(3, { fromCache: 1 }) });
      await modelUsage.record({
        projectId: id,
        jobId: 'j1',
        attempt: 2,
        totals: usage(1, { cachedInputTokens: 40, costUsd: 0.25, costRub: 20 }),
      });
      await modelUsage.record({ projectId: other, jobId: 'j2', attempt: 1, totals: usage(7) });
      expect(await modelUsage.totals(id)).toEqual({
        attempts: 2,
        calls: 4,
        fromCache: 1,
        failed: 0,
        inputTokens: 400,
        outputTokens: 40,
        cachedInputTokens: 40,
        costUsd: 0.25,
        costRub: 20,
      });
    });
  });
}

describeModelStores('PGlite', () => openStores({ dataDir: dataDir.path, secretKey }));
describeModelStores(
  'PostgreSQL',
  async () =>
    (await openStoresWithDatabase({ databaseUrl: database.url, dataDir: dataDir.path, secretKey })).stores,
);
