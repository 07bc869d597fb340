// UI generation benchmark: explores the bundled price calculator, generates its suite, runs it
// 5 times on the correct app, then once against each seeded fault. Prints figures; asserts nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { priceCalculatorFaults } from '../../examples/price-calculator/faults.ts';
import { startPriceCalculator } from '../../examples/price-calculator/server.ts';
import { generateUi } from '../../src/pipeline/generate-ui.ts';
import { runSuite } from '../../src/pipeline/run-suite.ts';

const REPEAT = 5;
const maxPages = Number(process.argv.find((arg) => arg.startsWith('--max-pages='))?.split('=')[1] ?? 8);
const outDir = await mkdtemp(join(tmpdir(), 'testops-bench-ui-'));
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

const app = await startPriceCalculator({ fault: null });
const report = await generateUi({
  url: app.url,
  allowPrivate: true,
  maxPages,
  outDir,
  run: true,
  repeat: REPEAT,
});
await app.close();

const explore = (report.pages ?? []).map((page) => page.exploreMs).sort((a, b) => a - b);
const quantile = (q: number) => explore[Math.min(explore.length - 1, Math.floor(q * explore.length))] ?? 0;
// A test that did not pass every time on the correct app proves nothing about a fault: a fault is
// caught only by a delivered test failing on the faulty app.
const notDelivered = new Set([
  ...report.suspectedDefects.map((defect) => defect.test),
  ...report.flaky.map((test) => test.test),
  // Unstable expectations (a value the explored build no longer showed) are skipped, not defects.
  ...report.skippedTests.map((test) => test.test),
]);
// With every generated test delivered, a faulty run can stop at its first failure: one failing
// test is all "caught" needs, and a fault no test catches still runs the whole suite.
if (notDelivered.size === 0) process.env['TESTOPS_MAX_FAILURES'] = '1';
const caught: string[] = [];
for (const { name } of priceCalculatorFaults) {
  process.stderr.write(`fault: ${name}\n`);
  const faulty = await startPriceCalculator({ fault: name });
  const faultReport = await runSuite({ suiteDir: outDir, baseUrl: faulty.url, repeat: 1 });
  await faulty.close();
  if (faultReport.suspectedDefects.some((defect) => !notDelivered.has(defect.test))) caught.push(name);
}
clearInterval(sampler);
await rm(outDir, { recursive: true, force: true });

const passRate = report.tests.generated === 0 ? 0 : report.tests.delivered / report.tests.generated;
const rows: [string, string, string][] = [
  ['pages explored', String(explore.length), ''],
  [
    'exploration per page p50 / p95',
    `${(quantile(0.5) / 1000).toFixed(1)} s / ${(quantile(0.95) / 1000).toFixed(1)} s`,
    '',
  ],
  [
    'generation (design + emit)',
    `${((report.durations['generate'] ?? 0) + (report.durations['emit'] ?? 0)) / 1000} s`,
    '',
  ],
  ['tests generated', String(report.tests.generated), ''],
  [
    `tests passing ${REPEAT}/${REPEAT} on the correct app`,
    `${report.tests.delivered} (${(passRate * 100).toFixed(1)} %)`,
    'target ≥ 95 %',
  ],
  [
    'seeded faults caught',
    `${caught.length}/${priceCalculatorFaults.length} (${((caught.length / priceCalculatorFaults.length) * 100).toFixed(0)} %)`,
    'target ≥ 80 %',
  ],
  ['peak RSS (this process)', `${Math.round(peakRss / 1024 / 1024)} MB`, ''],
];
console.log('UI benchmark (price calculator)');
for (const [name, value, target] of rows) console.log(`  ${name.padEnd(36)} ${value.padEnd(22)} ${target}`);
console.log(
  `  missed faults: ${
    priceCalculatorFaults
      .map((fault) => fault.name)
      .filter((name) => !caught.includes(name))
      .join(', ') || 'none'
  }`,
);
console.log(
  JSON.stringify({ bench: 'ui', explorePerPageMs: explore, report: report.tests, caught, peakRss }),
);
