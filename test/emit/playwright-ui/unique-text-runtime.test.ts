// The emitted `support/unique-text.ts` run by the suite's own pinned runner: a spec of our own
// beside an emitted suite calls it the way generated tests do and reports what it got, so the
// promise "the same letters throughout one run of a test, other letters in every other run" is
// checked on the real `test.info()`, not on a stand-in. No browser is needed: no test uses a page.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UiSuite } from '../../../src/core/ui-test-case.ts';
import { emitPlaywrightUiSuite } from '../../../src/emit/playwright-ui/emit-playwright-ui-suite.ts';
import { runPlaywright } from './run-playwright.ts';
import { writeEmittedSuite } from './suite-dependencies.ts';

const suite = {
  title: 'Notes',
  origin: 'http://127.0.0.1:4310',
  failOnA11y: false,
  skipped: [],
  viewports: { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } },
  pages: [{ id: 'home', title: 'Home', path: '/', locators: [] }],
  cases: [],
} as unknown as UiSuite;

// Each test records what uniqueText answered; repeated with --repeat-each 2 and one retry-free run.
const spec = `import { test } from '@playwright/test';
import { appendFileSync } from 'node:fs';
import { uniqueText } from '../support/unique-text.ts';

const outside = uniqueText('test qzkwxj', 'qzkwxj');

function record(name: string, values: Record<string, string>): void {
  appendFileSync(process.env.UNIQUE_TEXT_OUT!, JSON.stringify({ name, repeat: test.info().repeatEachIndex, ...values }) + '\\n');
}

test('first', () => {
  record('first', {
    outside,
    typed: uniqueText('test qzkwxj', 'qzkwxj'),
    expected: uniqueText('test qzkwxj link', 'qzkwxj'),
    other: uniqueText('note abcdef', 'abcdef'),
  });
});

test('second', () => {
  record('second', { typed: uniqueText('test qzkwxj', 'qzkwxj') });
});
`;

let suiteDir: string;

beforeAll(async () => {
  suiteDir = await mkdtemp(join(tmpdir(), 'testops-unique-text-'));
  const files = emitPlaywrightUiSuite(suite, { baseUrl: suite.origin });
  // The runtime file is emitted only for suites that use it; this one has no case, so it is
  // taken from the same source the emitter copies.
  files['support/unique-text.ts'] ??= await readFile(
    join(import.meta.dirname, '../../../src/emit/playwright-ui/runtime/unique-text.ts'),
    'utf8',
  );
  files['tests/unique-text.spec.ts'] = spec;
  await writeEmittedSuite(suiteDir, files);
}, 300_000);

afterAll(async () => {
  if (suiteDir) await rm(suiteDir, { recursive: true, force: true });
});

interface Recorded {
  name: string;
  repeat: number;
  outside?: string;
  typed: string;
  expected?: string;
  other?: string;
}

describe('uniqueText in an emitted suite', () => {
  it('gives one run of a test the same letters for a mark, and every other run others', async () => {
    const out = join(suiteDir, 'unique-text.jsonl');
    const run = await runPlaywright(suiteDir, { UNIQUE_TEXT_OUT: out, APP_BASE_URL: suite.origin }, [
      'tests/unique-text.spec.ts',
      '--repeat-each',
      '2',
      '--workers',
      '1',
    ]);
    expect(run.failed).toEqual([]);
    expect(run.stats.expected).toBe(4);
    const rows = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Recorded);
    expect(rows).toHaveLength(4);

    const firsts = rows.filter((row) => row.name === 'first');
    for (const row of firsts) {
      // Outside a test there is nothing to tell apart: the explored text stays.
      expect(row.outside).toBe('test qzkwxj');
      expect(row.typed).toMatch(/^test [a-z]{6}$/);
      expect(row.typed).not.toBe('test qzkwxj');
      // What a test types is what it expects later in the same run.
      expect(row.expected).toBe(`${row.typed} link`);
      // Another mark has letters of its own.
      expect(row.other).toMatch(/^note [a-z]{6}$/);
      expect(row.other!.slice(5)).not.toBe(row.typed.slice(5));
    }
    // Every run of every test types a text of its own.
    expect(new Set(rows.map((row) => row.typed)).size).toBe(4);
    expect(new Set(firsts.map((row) => row.repeat))).toEqual(new Set([0, 1]));
  }, 300_000);
});
