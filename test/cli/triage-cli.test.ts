import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryCluster, TriageResult } from '../../src/core/triage.ts';

// `testops triage` without a service: the memory lives in the embedded store of TESTOPS_DATA_DIR,
// as `testops serve` would open it. Fed a run recorded from a real run of the UI demo.
const run = promisify(execFile);
let work: string;

async function testops(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = {
    ...process.env,
    TESTOPS_DATA_DIR: join(work, 'data'),
    TESTOPS_LLM_PROVIDER: '',
    TESTOPS_LLM_BASE_URL: '',
  };
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/testops.js', ...args], {
      env,
      maxBuffer: 20_000_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'testops-triage-cli-'));
  await cp('test/fixtures/triage/ui-playwright.json', join(work, 'run-1.json'));
  const again = (await readFile('test/fixtures/triage/ui-playwright.json', 'utf8')).replace(
    /"duration": \d+/,
    '"duration": 7',
  );
  await writeFile(join(work, 'run-2.json'), again);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('testops triage', () => {
  it('triages a run, remembers it, takes a correction and honours it in the next run', async () => {
    const first = await testops('triage', join(work, 'run-1.json'), '--project', 'shop', '--llm', 'off');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(
      'Triage of run-1.json (playwright-json): 3 failures in 3 clusters, project shop',
    );
    expect(first.stdout).toMatch(/TEST-DEFECT \(1 failure\) → repair the test {3}\[[0-9a-f]{16}\]/);
    expect(first.stdout).toContain('why: locator not found: no element matches what the test looks for');
    expect(first.stdout).toContain('memory: first time seen');

    const listed = await testops('triage', 'memory', 'list', '--project', 'shop', '--json');
    const clusters = (JSON.parse(listed.stdout) as { items: MemoryCluster[] }).items;
    const flaky = clusters.find((cluster) => cluster.class === 'flaky')!;
    const corrected = await testops(
      'triage',
      'memory',
      'correct',
      flaky.id,
      '--project',
      'shop',
      '--class',
      'test-defect',
      '--by',
      'bob',
      '--note',
      'the test races the page',
    );
    expect(corrected.code, corrected.stderr).toBe(0);
    expect(corrected.stderr).toContain(`${flaky.id} is now test-defect (corrected by bob)`);

    const second = await testops(
      'triage',
      join(work, 'run-2.json'),
      '--project',
      'shop',
      '--llm',
      'off',
      '--json',
    );
    const result = JSON.parse(second.stdout) as TriageResult;
    expect(result.clusters.every((cluster) => cluster.recognised?.seen === 1)).toBe(true);
    expect(result.clusters.find((cluster) => cluster.id === flaky.id)).toMatchObject({
      class: 'test-defect',
      decidedBy: 'user:bob',
      nextAction: 'repair-test',
    });

    const exported = await testops(
      'triage',
      'memory',
      'export',
      '--project',
      'shop',
      '--out',
      join(work, 'memory.json'),
    );
    expect(exported.code).toBe(0);
    const file = JSON.parse(await readFile(join(work, 'memory.json'), 'utf8')) as {
      clusters: MemoryCluster[];
    };
    expect(file.clusters.map((cluster) => cluster.count)).toEqual([2, 2, 2]);

    const unknown = await testops(
      'triage',
      'memory',
      'correct',
      '0123456789abcdef',
      '--project',
      'shop',
      '--class',
      'flaky',
    );
    expect(unknown.code).toBe(2);
    // Each command opens the embedded database, as `testops serve` would.
  }, 240_000);

  it('names the file and the formats it reads when given something else', async () => {
    await writeFile(join(work, 'notes.txt'), 'all good');
    const result = await testops('triage', join(work, 'notes.txt'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('TESTOPS_TRIAGE_INPUT_UNKNOWN');
    expect(result.stderr).toContain('notes.txt: cannot triage this file');
  }, 60_000);
});
