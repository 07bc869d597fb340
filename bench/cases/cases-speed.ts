// How fast manual cases are designed and emitted, per target: the demo compute spec and the
// case's Evolution Compute subset (API), the price calculator requirements in four styles, and
// the calculator's site model. Prints cases per second, ms per case and the peak RSS.
// Run: node bin/run-ts.js bench/cases/cases-speed.ts [iterations]
import type { ManualCaseSet } from '../../src/core/manual-case.ts';
import { CASE_FORMATS, emitManualCases } from '../../src/emit/cases/emit-manual-cases.ts';
import { designApiCases } from '../../src/generation/cases/design-api-cases.ts';
import { designPageCases } from '../../src/generation/cases/design-page-cases.ts';
import { designRequirementCases } from '../../src/generation/cases/design-requirement-cases.ts';
import { buildApiModel } from '../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../src/sources/openapi/load-spec.ts';
import { readRequirements } from '../../src/sources/requirements/read-requirements.ts';
import { priceCalculatorSiteModel } from '../../test/generation/ui/fixtures/price-calculator/site-model.ts';

const TARGET_MS_PER_CASE = 50;
// Under bin/run-ts.js the script itself is argv[2]; a number after it is the iteration count.
const iterations = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 10);
const options = { owner: 'qa-team' };

interface Target {
  name: string;
  /** Reads the source once; returns the design to time. */
  read: () => Promise<() => ManualCaseSet>;
}

const requirementFiles = [
  'test/fixtures/requirements/price-calculator.md',
  'test/fixtures/requirements/price-calculator.ru.md',
  'test/fixtures/requirements/peer-notes.txt',
  'test/fixtures/requirements/price-calculator.feature',
];

const targets: Target[] = [
  ...[
    'examples/compute-api/openapi.yaml',
    'test/fixtures/specs/evolution-compute-v3.vms-disks-flavors.yaml',
  ].map((spec) => ({
    name: `openapi ${spec.split('/').at(-1)}`,
    read: async () => {
      const model = buildApiModel(await loadSpec(spec));
      return () => designApiCases(model, spec, options);
    },
  })),
  {
    name: 'requirements price calculator (en, ru, peer, gherkin)',
    read: async () => {
      const documents = await Promise.all(requirementFiles.map((file) => readRequirements(file)));
      return () => {
        const sets = documents.map((document) => designRequirementCases(document, options));
        return { ...sets[0]!, cases: sets.flatMap((set) => set.cases) };
      };
    },
  },
  {
    name: 'site model price calculator',
    read: async () => () => designPageCases(priceCalculatorSiteModel, 'fixture', options),
  },
];

function timed<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

const rows: string[][] = [
  ['target', 'cases', 'read ms', 'design ms', 'emit ms (4 formats)', 'ms/case', 'cases/s'],
];
let worst = 0;
for (const target of targets) {
  const started = performance.now();
  const design = await target.read();
  const readMs = performance.now() - started;
  let cases = 0;
  let designMs = 0;
  let emitMs = 0;
  for (let run = 0; run < iterations; run += 1) {
    const designed = timed(design);
    cases = designed.result.cases.length;
    designMs += designed.ms;
    emitMs += timed(() => CASE_FORMATS.map((format) => emitManualCases(designed.result, format))).ms;
  }
  const perRun = (designMs + emitMs) / iterations;
  const perCase = (readMs + perRun) / cases;
  worst = Math.max(worst, perCase);
  rows.push([
    target.name,
    String(cases),
    readMs.toFixed(0),
    (designMs / iterations).toFixed(1),
    (emitMs / iterations).toFixed(1),
    perCase.toFixed(2),
    (1000 / perCase).toFixed(0),
  ]);
}

const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
for (const row of rows)
  console.log(
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join('  '),
  );
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `\nms/case = (read once + design + emit in all 4 formats) / cases, design and emit averaged over ${iterations} runs`,
);
console.log(`peak RSS ${peakMb.toFixed(0)} MB`);
console.log(
  `slowest ${worst.toFixed(2)} ms per case: ${worst < TARGET_MS_PER_CASE ? 'within' : 'OVER'} the ${TARGET_MS_PER_CASE} ms target`,
);
if (worst >= TARGET_MS_PER_CASE) process.exitCode = 1;
