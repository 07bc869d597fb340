import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPriceCalculator } from '../../../examples/price-calculator/server.ts';
import type { SiteModel } from '../../../src/core/page-model.ts';
import { generateCases } from '../../../src/pipeline/generate-cases.ts';
import { expectWellFormed } from './case-targets.ts';

// --url end to end: the real explorer drives a browser through the demo calculator on
// 127.0.0.1, saves the site model, and cases are designed from what it observed.

const hasChromium =
  ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].some((path) => existsSync(path)) ||
  Boolean(process.env['CHROMIUM_PATH']);

describe.runIf(hasChromium)('generate cases from a live site', () => {
  it('explores the start page and designs cases from its observations', async () => {
    const app = await startPriceCalculator({ fault: null, port: 0 });
    try {
      const outDir = await mkdtemp(join(tmpdir(), 'cases-url-'));
      const result = await generateCases({
        source: { kind: 'url', url: app.url, allowPrivate: true, maxPages: 1 },
        format: 'markdown',
        outDir,
      });
      expectWellFormed(result.set);
      expect(result.set.source).toEqual({ kind: 'page-model', location: app.url });
      expect(result.summary.byKind['visibility']).toBeGreaterThan(0);
      expect(result.summary.byKind['mobile']).toBeGreaterThan(0);
      const model = JSON.parse(await readFile(join(outDir, 'model', 'site-model.json'), 'utf8')) as SiteModel;
      expect(model.pages.map((page) => page.path)).toEqual(['/']);
      expect(await readFile(join(outDir, 'test-cases.md'), 'utf8')).toContain(
        '## Estimate the cost of cloud services',
      );
    } finally {
      await app.close();
    }
  }, 120_000);
});
