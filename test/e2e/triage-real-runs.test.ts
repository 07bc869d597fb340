import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeApiFaults } from '../../examples/compute-api/server.ts';
import type { TriageResult } from '../../src/core/triage.ts';
import { triageReport } from '../../src/pipeline/triage.ts';
import { openStores } from '../../src/service/store/open-stores.ts';
import type { Stores } from '../../src/service/store/stores.ts';
import { runUiSuite } from '../fixtures/triage/ui-suite-run.ts';

// Triage of real runs of our demos. The UI suite (a renamed button, an ambiguous locator, a test
// passing on its retry) runs here with real Chromium; the API runs — a generated suite against
// every seeded fault of the compute API and against a stopped target — take ~1 min each, so they
// were recorded from real runs by test/fixtures/triage/record-runs.ts and are read here.
const runs = new URL('../fixtures/triage/runs/', import.meta.url);

let work: string;
let stores: Stores;
let live: { json: string; junit: string };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'testops-triage-'));
  [stores, live] = await Promise.all([openStores({ dataDir: join(work, 'data') }), runUiSuite(work)]);
}, 180_000);

afterAll(async () => {
  await stores?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const triage = (name: string, text: string, projectId: string): Promise<TriageResult> =>
  triageReport({ input: { name, text }, projectId, memory: stores.triage, llm: 'off' });

describe('triage of real runs of our demos', () => {
  it('classifies every seeded-fault run of the compute API as a product defect', async () => {
    const recorded = (await readdir(runs)).filter((file) => file.startsWith('fault-'));
    expect(recorded.sort()).toEqual(computeApiFaults.map((fault) => `fault-${fault.name}.json`).sort());
    for (const file of recorded) {
      const result = await triage(file, await readFile(new URL(file, runs), 'utf8'), 'faults');
      expect(result.failures, file).toBeGreaterThan(0);
      for (const cluster of result.clusters) {
        expect(cluster.class, `${file}: ${cluster.title}`).toBe('product-defect');
        expect(cluster.nextAction).toBe('open-defect');
        expect(cluster.reasons.length).toBeGreaterThan(0);
      }
    }
  });

  it('classifies a run against a stopped target as environment, in one cluster', async () => {
    const result = await triage(
      'stopped.json',
      await readFile(new URL('stopped-target.json', runs), 'utf8'),
      'stopped',
    );
    expect(result.failures).toBeGreaterThan(100);
    expect(result.clusters).toHaveLength(1);
    expect(result.clusters[0]).toMatchObject({
      class: 'environment',
      nextAction: 'fix-environment',
      count: result.failures,
    });
    expect(result.clusters[0]!.reasons).toContain('connection refused: nothing listened at the target');
  });

  it('classifies the UI run: broken and ambiguous locators as test defects, a retry that passed as flaky', async () => {
    const result = await triage('ui-playwright.json', live.json, 'ui');
    expect(result.format).toBe('playwright-json');
    const byTest = new Map(
      result.clusters.flatMap((cluster) => cluster.failures.map((failure) => [failure.test, cluster])),
    );
    expect(byTest.get('start page orders a configuration')).toMatchObject({
      class: 'test-defect',
      nextAction: 'repair-test',
    });
    expect(byTest.get('start page orders a configuration')!.reasons).toEqual([
      'locator not found: no element matches what the test looks for',
    ]);
    expect(byTest.get('start page opens a route')!.reasons).toEqual([
      'strict mode violation: the locator matches several elements',
    ]);
    expect(byTest.get('start page shows its title')).toMatchObject({
      class: 'flaky',
      nextAction: 'quarantine',
    });
    expect(byTest.has('start page links to the catalogue')).toBe(false);

    const junit = await triage('ui-junit.xml', live.junit, 'ui-junit');
    expect(junit.format).toBe('junit-xml');
    expect(junit.clusters.map((cluster) => cluster.class)).toEqual(['test-defect', 'test-defect']);
  });

  it('recognises the second occurrence from memory, and honours a correction from then on', async () => {
    const first = await triage('run-1.json', live.json, 'memory');
    expect(first.clusters.every((cluster) => cluster.recognised === undefined)).toBe(true);
    // The committed fixture is another real run of the same suite: other durations, same causes.
    const second = await triage(
      'run-2.json',
      await readFile(new URL('../ui-playwright.json', runs), 'utf8'),
      'memory',
    );
    expect(second.runId).not.toBe(first.runId);
    for (const cluster of second.clusters) {
      expect(cluster.recognised, cluster.title).toMatchObject({
        match: 'signature',
        seen: 1,
        decidedBy: 'rules',
      });
      expect(cluster.recognised!.text).toMatch(
        /^seen 1 time since \d{4}-\d\d-\d\d, triaged as [a-z-]+ by rules$/,
      );
    }

    const flaky = second.clusters.find((cluster) => cluster.class === 'flaky')!;
    await stores.triage.correct('memory', flaky.id, {
      class: 'product-defect',
      by: 'alice',
      note: 'a real race in the page',
    });
    const third = await triage('run-3.json', live.json.replace(/"duration": \d+/, '"duration": 1'), 'memory');
    const corrected = third.clusters.find((cluster) => cluster.id === flaky.id)!;
    expect(corrected).toMatchObject({
      class: 'product-defect',
      decidedBy: 'user:alice',
      nextAction: 'open-defect',
    });
    expect(corrected.recognised).toMatchObject({ seen: 2, corrected: true });
    expect(corrected.recognised!.text).toContain('seen 2 times since');
    expect(corrected.recognised!.text).toContain('triaged as product-defect by user:alice');
  });
});
