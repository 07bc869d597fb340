// Test repair with a model: two planted locator mistakes on the price calculator's configure page,
// repaired by the local fixture server (real HTTP, the real provider code). The repair naming an
// element the page model has passes every re-run and is delivered; the one naming a missing
// element is rejected and its original failure stands.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startPriceCalculator, type RunningPriceCalculator } from '../../examples/price-calculator/server.ts';
import type { PipelineEvent } from '../../src/core/events.ts';
import { exploreUi, generateUi } from '../../src/pipeline/generate-ui.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';
import { forgetModelSettings, useFixtureModel } from '../support/model-environment.ts';
import { plantUiMistakes } from '../support/planted-ui-mistakes.ts';

let server: ModelServer;
let calculator: RunningPriceCalculator;
let root: string;
let modelFile: string;

beforeAll(async () => {
  server = await startModelServer();
  calculator = await startPriceCalculator({ fault: null });
  root = await mkdtemp(join(tmpdir(), 'llm-ui-repair-'));
  const explored = await exploreUi({
    url: `${calculator.url}/configure/vm`,
    allowPrivate: true,
    maxPages: 1,
    maxInteractionsPerPage: 0,
    outDir: join(root, 'explored'),
  });
  modelFile = explored.file;
}, 60_000);
afterAll(async () => {
  await server.close();
  await calculator?.close();
  await rm(root, { recursive: true, force: true });
});
afterEach(forgetModelSettings);

describe('generate ui repairs tests that failed through their own mistake', () => {
  it('delivers a repair naming an existing element after N/N passes, rejects one naming a missing element', async () => {
    useFixtureModel(server, 'ui-repairs');
    const events: PipelineEvent[] = [];
    const outDir = join(root, 'suite');
    const report = await generateUi({
      url: `${calculator.url}/configure/vm`,
      model: modelFile,
      outDir,
      kinds: ['smoke'],
      cache: false,
      run: true,
      repeat: 2,
      alterDesign: plantUiMistakes,
      events: (event) => events.push(event),
    });
    expect(report.repairs).toEqual([
      expect.objectContaining({
        test: 'Configure page offers "Add to estimates"',
        mistake: 'locator-not-found',
        outcome: 'delivered',
        detail: 'passed 2 of 2 runs',
        changes: [expect.stringContaining('target → button-add-to-estimate')],
      }),
      expect.objectContaining({
        test: 'Configure page offers "Add to basket"',
        mistake: 'locator-not-found',
        outcome: 'rejected',
        detail: expect.stringContaining(
          '"button-add-to-basket", which page configure-vm of the page model does not have',
        ),
      }),
    ]);
    // The repaired test counts as delivered; the rejected one's failure stands, marked in the suite.
    expect(report.tests).toMatchObject({ generated: 2, delivered: 1, failed: 1 });
    expect(report.suspectedDefects.map((defect) => defect.test)).toEqual([
      'Configure page offers "Add to basket"',
    ]);
    const assist = report.model!.capabilities.find((entry) => entry.capability === 'ui → test repair')!;
    expect(assist).toMatchObject({ status: 'used', proposed: 2, rejected: 1, delivered: 1 });
    const spec = await readFile(join(outDir, 'tests', 'configure-vm.spec.ts'), 'utf8');
    expect(spec).toMatch(
      /test\('Configure page offers "Add to estimates"'[\s\S]*?buttonAddToEstimate\)\.toBeVisible/,
    );
    expect(spec).toMatch(/\/\/ Not delivered[^\n]*\n\s*test\.fixme\('Configure page offers "Add to basket"'/);
    expect(await readdir(outDir)).not.toContain('.repair-run');
    const markdown = await readFile(join(outDir, 'REPORT.md'), 'utf8');
    expect(markdown).toContain('## Test repairs');
    const logged = events.flatMap((event) => (event.type === 'log' ? [event.message] : []));
    expect(logged.join('\n')).toMatch(
      /test repair "Configure page offers "Add to estimates"" \(locator-not-found\): delivered/,
    );
  }, 90_000);
});
