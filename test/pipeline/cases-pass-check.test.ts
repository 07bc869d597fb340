import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTests } from '../../src/pipeline/check-tests.ts';
import { generateCases } from '../../src/pipeline/generate-cases.ts';

// Regression: `generate cases --requirements <file>` linked every case to file://<absolute path>,
// which `testops check` rejected (29 errors) and which named a path of one machine. What one
// command writes, the other must pass, from each kind of source.
let outRoot: string;
beforeAll(async () => {
  outRoot = await mkdtemp(join(tmpdir(), 'cases-check-'));
});
afterAll(async () => {
  await rm(outRoot, { recursive: true, force: true });
});

const sources = [
  { name: 'plain-text requirements', path: 'test/fixtures/requirements/peer-notes.txt' },
  { name: 'Markdown requirements', path: 'test/fixtures/requirements/price-calculator.md' },
  { name: 'Gherkin requirements', path: 'test/fixtures/requirements/price-calculator.feature' },
];

describe('manual cases pass the standards check as written', () => {
  for (const source of sources) {
    it(`from ${source.name}`, async () => {
      const outDir = join(outRoot, source.name.replaceAll(' ', '-'));
      await generateCases({
        source: { kind: 'requirements', path: source.path },
        format: 'allure-python',
        outDir,
      });
      const report = await checkTests({ paths: [outDir] });
      const errors = report.files.flatMap((file) =>
        file.findings.filter((finding) => finding.severity === 'error'),
      );
      expect(errors).toEqual([]);
      for (const file of await readdir(outDir, { recursive: true }))
        if (/\.(py|md|json|csv|ini)$/.test(file)) {
          const text = await readFile(join(outDir, file), 'utf8');
          expect(text, file).not.toContain('file://');
          expect(text, file).not.toContain(resolve('.'));
        }
    });
  }
});
