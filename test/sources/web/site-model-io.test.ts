import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_MODEL_VERSION } from '../../../src/core/page-model.ts';
import type { SiteModel } from '../../../src/core/page-model.ts';
import { readSiteModel, writeSiteModel } from '../../../src/sources/web/site-model-io.ts';

const model: SiteModel = {
  version: SITE_MODEL_VERSION,
  startUrl: 'http://127.0.0.1:1/',
  origin: 'http://127.0.0.1:1',
  exploredAt: '2024-01-01T00:00:00.000Z',
  viewports: { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } },
  pages: [],
  navigation: [],
  issues: [],
  durations: { totalMs: 1, perPageMs: {} },
};

describe('site model files', () => {
  it('round-trips through <out>/model/site-model.json', async () => {
    const out = await mkdtemp(join(tmpdir(), 'testops-model-'));
    const file = await writeSiteModel(out, model);
    expect(file).toBe(join(out, 'model', 'site-model.json'));
    expect(await readSiteModel(out)).toEqual(model);
    expect(await readSiteModel(file)).toEqual(model);
  });

  it('refuses a newer version with a tip, and a missing model', async () => {
    const out = await mkdtemp(join(tmpdir(), 'testops-model-'));
    const file = await writeSiteModel(out, model);
    const newer = { ...JSON.parse(await readFile(file, 'utf8')), version: SITE_MODEL_VERSION + 1 };
    await writeFile(file, JSON.stringify(newer));
    await expect(readSiteModel(out)).rejects.toMatchObject({
      code: 'TESTOPS_MODEL_UNSUPPORTED_VERSION',
      message: expect.stringContaining('Tip: upgrade'),
    });
    await expect(readSiteModel(join(out, 'nothing-here'))).rejects.toMatchObject({
      code: 'TESTOPS_SOURCE_NOT_FOUND',
    });
  });
});
