// Standards check benchmark: writes 1,000 test files (Allure TestOps as code, pytest, Playwright)
// into a temp folder, checks them with checkStandards and prints files/s and peak RSS. Python
// files are parsed by one Python process per batch, so the figure includes those processes'
// wall time (their memory is their own and not in this process's RSS). It never asserts: the
// target is printed beside the figure.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkStandards } from '../../src/validation/standards/check-standards.ts';

const FILES = Number(process.env['CHECK_BENCH_FILES'] ?? 1000);
const CASES_PER_FILE = 6;
const TARGET_FILES_PER_SECOND = 200;

const root = await mkdtemp(join(tmpdir(), 'testops-check-bench-'));
try {
  await writeCorpus(root);
  const rssBefore = process.memoryUsage.rss();
  const load = loadavg()[0]!;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const report = await checkStandards([root]);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const { files, tests, errors, warnings, info, score } = report.summary;
  const peakMb = (process.resourceUsage().maxRSS / 1024).toFixed(0);
  console.log(`standards check: ${files} files (${tests} tests) in ${seconds.toFixed(2)} s`);
  console.log(`  files/s     ${(files / seconds).toFixed(0)} (target > ${TARGET_FILES_PER_SECOND})`);
  console.log(`  peak RSS    ${peakMb} MB (before the check: ${(rssBefore / 1024 / 1024).toFixed(0)} MB)`);
  console.log(`  findings    ${errors} errors, ${warnings} warnings, ${info} info; score ${score}`);
  // The machine's load decides the wall time more than the check does on a shared host.
  const nodeCpu = (cpu.user + cpu.system) / 1e6;
  console.log(
    `  this process CPU ${nodeCpu.toFixed(2)} s; load average ${load.toFixed(1)} on ${availableParallelism()} cores`,
  );
  console.log(
    JSON.stringify({
      bench: 'check-speed',
      files,
      tests,
      seconds,
      filesPerSecond: files / seconds,
      peakRssMb: Number(peakMb),
    }),
  );
} finally {
  await rm(root, { recursive: true, force: true });
}

async function writeCorpus(folder: string): Promise<void> {
  const writers = [manualFile, pytestFile, playwrightFile];
  await Promise.all(['manual', 'pytest', 'playwright'].map((kind) => mkdir(join(folder, kind))));
  await writeFile(join(folder, 'manual', 'pytest.ini'), '[pytest]\nmarkers =\n    manual: manual cases\n');
  const jobs = Array.from({ length: FILES }, (_, index) => {
    const { name, text } = writers[index % writers.length]!(index);
    return writeFile(join(folder, name), text);
  });
  await Promise.all(jobs);
}

function manualFile(index: number): { name: string; text: string } {
  const cases = Array.from({ length: CASES_PER_FILE }, (_, n) => {
    // Every tenth file has one Assert before its Act: the rules have something to report.
    const misordered = index % 10 === 0 && n === 0;
    const steps = [
      `        with allure_step("Arrange: open the calculator and choose configuration ${n}"):\n            pass`,
      `        with allure_step("Act: add disk ${n} of ${10 * (n + 1)} GB → the disk line appears"):\n            pass`,
      `        with allure_step("Assert: Expected: the total includes disk ${n}"):\n            pass`,
    ];
    if (misordered) steps.splice(1, 2, steps[2]!, steps[1]!);
    return `    @allure.title("Case ${index}-${n}: disk ${n} is priced")
    @allure.link("https://tracker.example.com/browse/CALC-${index}${n}", name="CALC-${index}${n}")
    @allure.tag("NORMAL")
    @allure.label("priority", "NORMAL")
    def test_disk_${n}_is_priced(self) -> None:
        """Disk ${n} appears in the total."""
${steps.join('\n')}
`;
  });
  const text = `import allure
import pytest
from allure import step as allure_step


@allure.manual
@allure.label("owner", "qa")
@allure.feature("Price calculator")
@allure.story("Disks ${index}")
@allure.suite("UI")
@pytest.mark.manual
class TestDisks${index}:
${cases.join('\n')}`;
  return { name: `manual/test_disks_${index}.py`, text };
}

function pytestFile(index: number): { name: string; text: string } {
  const tests = Array.from(
    { length: CASES_PER_FILE },
    (_, n) => `    @allure.title("GET /api/v1/items/${n} answers 200 (${index})")
    def test_get_item_${n}(self, api) -> None:
        with allure.step("Act: GET /api/v1/items/${n}"):
            response = api.send("GET", "/api/v1/items/${n}")
        with allure.step("Assert: status 200"):
            assert response.status_code == 200
`,
  );
  const text = `import allure\n\n\nclass TestItems${index}:\n${tests.join('\n')}`;
  return { name: `pytest/test_items_${index}.py`, text };
}

function playwrightFile(index: number): { name: string; text: string } {
  const tests = Array.from(
    { length: CASES_PER_FILE },
    (_, n) => `  test('GET /api/v1/items/${n} answers 200', async ({ request }) => {
    const response = await test.step('Act: GET /api/v1/items/${n}', () => request.get('/api/v1/items/${n}'));
    await test.step('Assert: status 200', () => {
      expect(response.status()).toBe(200);
    });
  });
`,
  );
  const text = `import { expect, test } from '@playwright/test';\n\ntest.describe('Items ${index}', () => {\n${tests.join('\n')}});\n`;
  return { name: `playwright/items-${index}.spec.ts`, text };
}
