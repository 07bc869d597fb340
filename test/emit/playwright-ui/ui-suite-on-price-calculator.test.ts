// End to end: the suite generated from the price calculator model is emitted into a temp folder,
// type-checked, run against the correct app (everything passes) and against a seeded fault
// (the test that checks the price after a region change fails).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPriceCalculator } from '../../../examples/price-calculator/server.ts';
import { emitPlaywrightUiSuite } from '../../../src/emit/playwright-ui/emit-playwright-ui-suite.ts';
import { generateUiSuite } from '../../../src/generation/ui/generate-ui-suite.ts';
import { startGuardProxy } from '../../../src/sources/web/guard-proxy.ts';
import { nodeGuardEnv } from '../../../src/validation/execution/connect-guard.ts';
import { chromiumPath } from '../../generation/ui/chromium.ts';
import { priceCalculatorSiteModel } from '../../generation/ui/fixtures/price-calculator/site-model.ts';
import { runPlaywright, typeCheck } from './run-playwright.ts';
import { writeEmittedSuite } from './suite-dependencies.ts';

const suite = generateUiSuite(priceCalculatorSiteModel);
let suiteDir: string;

beforeAll(async () => {
  suiteDir = await mkdtemp(join(tmpdir(), 'testops-ui-e2e-'));
  const files = emitPlaywrightUiSuite(suite, { baseUrl: priceCalculatorSiteModel.origin });
  await writeEmittedSuite(suiteDir, files);
}, 300_000);

afterAll(async () => {
  if (suiteDir) await rm(suiteDir, { recursive: true, force: true });
});

async function runAgainst(fault: 'price-not-updated-on-region-change' | null, args: string[] = []) {
  const app = await startPriceCalculator({ fault });
  try {
    return await runPlaywright(suiteDir, { APP_BASE_URL: app.url, CHROMIUM_PATH: chromiumPath() }, args);
  } finally {
    await app.close();
  }
}

describe('the emitted UI suite of the price calculator', () => {
  it('type-checks', async () => {
    const result = await typeCheck(suiteDir);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('passes every test on the correct app', async () => {
    const run = await runAgainst(null);
    expect(run.failed).toEqual([]);
    expect(run.stats).toMatchObject({ expected: suite.cases.length, unexpected: 0, flaky: 0, skipped: 0 });
  }, 420_000);

  it('fails the region-change price check when the price is not recalculated', async () => {
    // Only the interactions of the page the fault lives on, to keep the run short: the other
    // tests cannot see a price that is merely stale after a region change.
    const run = await runAgainst('price-not-updated-on-region-change', [
      'tests/configure-vm.spec.ts',
      '--grep',
      '@interaction',
    ]);
    expect(run.failed).toEqual([
      'Select "Saint Petersburg (ru-north-1)" in Region select: live price becomes "3 249,00 ₽ per month" (+3 more checks)',
    ]);
    expect(run.errors.join('\n')).toContain('Expected: "3 249,00 ₽ per month"');
    expect(run.errors.join('\n')).toContain('Received: "3 610,00 ₽ per month"');
    expect(run.stats.expected).toBe(6);
  }, 120_000);

  it('runs through the SSRF guard: the app reached by its pinned name, loopback refused', async () => {
    // calculator.test stands for a public name checked before the run; it is pinned to the local
    // app so that nothing leaves this machine. The same app by its loopback address is refused.
    const app = await startPriceCalculator({ fault: null });
    const { port } = new URL(app.url);
    const pinned = {
      url: new URL(`http://calculator.test:${port}/`),
      host: 'calculator.test',
      addresses: ['127.0.0.1'],
    };
    const refused: string[] = [];
    const proxy = await startGuardProxy({
      guard: { allowPrivate: false },
      pinned: [pinned],
      onRefused: (url) => refused.push(url),
    });
    const guardEnv = nodeGuardEnv(
      { pins: { 'calculator.test': ['127.0.0.1'] }, allow: [new URL(proxy.server).host] },
      process.env,
    );
    const env = { CHROMIUM_PATH: chromiumPath(), TESTOPS_BROWSER_PROXY: proxy.server, ...guardEnv };
    const args = ['tests/configure-vm.spec.ts', '--grep', '@interaction'];
    try {
      const named = await runPlaywright(
        suiteDir,
        { ...env, APP_BASE_URL: `http://calculator.test:${port}` },
        args,
      );
      expect(named.failed).toEqual([]);
      expect(named.stats).toMatchObject({ expected: 7, unexpected: 0 });
      // Stops at the first failure: every test would fail the same way.
      const loopback = await runPlaywright(suiteDir, { ...env, APP_BASE_URL: app.url }, [
        ...args,
        '--max-failures=1',
        '--timeout=10000',
      ]);
      expect(loopback.stats.expected).toBe(0);
      expect(loopback.stats.unexpected).toBeGreaterThan(0);
      expect(refused.length).toBeGreaterThan(0);
    } finally {
      await proxy.close();
      await app.close();
    }
  }, 240_000);
});
