// How the time of every parser of user input grows with the input: requirements (Markdown,
// Gherkin, the service's one-item-per-paragraph list, pathological long lines), the whole
// requirements → cases pipeline, Jira JSON and CSV defects, an OpenAPI spec, test files read
// for the optimiser, the standards check on one large file, and the optimiser on many tests.
// Inputs are generated (fixed seeds) in memory or a temp folder. Prints time, time per MB (or
// per 1,000 items) and the growth: CPU time ratio ÷ size ratio to the row above, ≈ 1 when
// linear, ≈ the size ratio when quadratic. Growth uses this process's CPU time because on a
// shared machine the wall time mostly measures the load. Prints figures; never fails on timing.
// Run: npm run bench:parsers [-- --quick]   (--quick stops requirements at 1 MB)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCases } from '../../src/pipeline/generate-cases.ts';
import { optimiseTests } from '../../src/optimisation/optimise-tests.ts';
import { parseDefects } from '../../src/sources/defects/read-defects.ts';
import { readTestFolder } from '../../src/sources/existing-tests/read-test-folder.ts';
import { buildApiModel } from '../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../src/sources/openapi/load-spec.ts';
import { parseRequirements } from '../../src/sources/requirements/read-requirements.ts';
import { checkStandards } from '../../src/validation/standards/check-standards.ts';
import { formatTable, verdict } from '../api/text-table.ts';
import { manualTests } from '../../test/optimisation/manual-tests.ts';
import { allureModule, defectsCsv, jiraJson, openApiSpec, playwrightSpec } from './parser-inputs.ts';
import { requirementsDocument, type RequirementStyle } from './requirement-documents.ts';

const KB = 1024;
const MB = 1024 * KB;
const TARGET_SECONDS_PER_MB = 5;
const quick = process.argv.includes('--quick');
const requirementSizes = [10 * KB, 100 * KB, 1 * MB, ...(quick ? [] : [4 * MB])];

interface Family {
  name: string;
  /** 'MB': sizes are bytes of input; otherwise the name of the counted item ("tests"). */
  unit: 'MB' | string;
  sizes: number[];
  /** Prepares one input (outside the timing); returns the work to time and its input size in bytes. */
  prepare(size: number, folder: string): Promise<{ bytes: number; run: () => Promise<unknown> }>;
}

interface Row {
  size: number;
  bytes: number;
  wallMs: number;
  cpuMs: number;
}

const families: Family[] = [
  ...(['markdown', 'list', 'gherkin', 'long-lines'] as RequirementStyle[]).map((style): Family => ({
    name: `requirements reader (${style})`,
    unit: 'MB',
    sizes: requirementSizes,
    prepare: async (size) => {
      const text = requirementsDocument(size, style);
      const file = style === 'gherkin' ? 'requirements.feature' : 'requirements.md';
      return { bytes: Buffer.byteLength(text), run: async () => parseRequirements(text, file) };
    },
  })),
  ...(['markdown', 'list'] as RequirementStyle[]).map((style): Family => ({
    name: `requirements → cases pipeline (${style}; read, design, emit Allure as code, write)`,
    unit: 'MB',
    sizes: requirementSizes,
    prepare: async (size, folder) => {
      const text = requirementsDocument(size, style);
      const path = join(folder, `requirements-${style}-${size}.md`);
      await writeFile(path, text);
      const outDir = join(folder, `cases-${style}-${size}`);
      return {
        bytes: Buffer.byteLength(text),
        run: () => generateCases({ source: { kind: 'requirements', path }, format: 'allure-python', outDir }),
      };
    },
  })),
  {
    name: 'defects reader (Jira JSON)',
    unit: 'MB',
    sizes: [2_000, 20_000, 80_000],
    prepare: async (issues) => {
      const text = jiraJson(issues);
      return { bytes: Buffer.byteLength(text), run: async () => parseDefects(text, 'defects.json') };
    },
  },
  {
    name: 'defects reader (CSV)',
    unit: 'MB',
    sizes: [2_000, 20_000, 80_000],
    prepare: async (rows) => {
      const text = defectsCsv(rows);
      return { bytes: Buffer.byteLength(text), run: async () => parseDefects(text, 'defects.csv') };
    },
  },
  {
    name: 'OpenAPI loader and model',
    unit: 'operations',
    sizes: [250, 1_000, 2_000],
    prepare: async (operations, folder) => {
      const text = openApiSpec(operations);
      const path = join(folder, `openapi-${operations}.json`);
      await writeFile(path, text);
      return { bytes: Buffer.byteLength(text), run: async () => buildApiModel(await loadSpec(path)) };
    },
  },
  {
    name: 'existing tests read (one pytest module + one Playwright spec; CPU leaves out the Python parser process)',
    unit: 'tests',
    sizes: [500, 2_000, 8_000],
    prepare: async (tests, folder) =>
      testFolder(folder, `read-${tests}`, tests, (root) => readTestFolder(root)),
  },
  {
    name: 'standards check (one large module + one large spec; CPU leaves out the Python parser process)',
    unit: 'tests',
    sizes: [500, 2_000, 8_000],
    prepare: async (tests, folder) =>
      testFolder(folder, `check-${tests}`, tests, (root) => checkStandards([root])),
  },
  {
    name: 'optimiser (duplicates, conflicts, requirement coverage) on manual cases, requirements = cases / 4',
    unit: 'tests',
    sizes: [1_000, 4_000, 16_000],
    prepare: async (count) => {
      const tests = manualTests(count);
      // The one-item-per-paragraph style gives about one requirement per 64 bytes: a quarter of the tests.
      const { requirements } = parseRequirements(requirementsDocument(count * 16, 'list'), 'requirements.md');
      const bytes = Buffer.byteLength(JSON.stringify(tests));
      const set = { version: 1 as const, root: '.', files: [], tests, issues: [] };
      return { bytes, run: () => optimiseTests({ tests: set, requirements, locations: {} }) };
    },
  },
];

async function testFolder(
  folder: string,
  name: string,
  tests: number,
  work: (root: string) => Promise<unknown>,
): Promise<{ bytes: number; run: () => Promise<unknown> }> {
  const root = join(folder, name);
  const { mkdir } = await import('node:fs/promises');
  await mkdir(join(root, 'tests'), { recursive: true });
  const python = allureModule(tests / 2);
  const typescript = playwrightSpec(tests / 2);
  await writeFile(join(root, 'pytest.ini'), '[pytest]\nmarkers =\n    manual: manual cases\n');
  await writeFile(join(root, 'tests', 'test_disks.py'), python);
  await writeFile(join(root, 'tests', 'items.spec.ts'), typescript);
  return { bytes: Buffer.byteLength(python) + Buffer.byteLength(typescript), run: () => work(root) };
}

async function measure(run: () => Promise<unknown>): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

function sizeLabel(row: Row, unit: string): string {
  const bytes = row.bytes >= MB ? `${(row.bytes / MB).toFixed(2)} MB` : `${(row.bytes / KB).toFixed(0)} KB`;
  return unit === 'MB' ? bytes : `${row.size} ${unit} (${bytes})`;
}

function table(family: Family, rows: Row[]): string {
  const perUnit = family.unit === 'MB' ? 's per MB' : `s per 1,000 ${family.unit}`;
  const header = [
    'input',
    'wall',
    'CPU',
    `${perUnit} (wall)`,
    `${perUnit} (CPU)`,
    'growth (CPU; 1 = linear)',
  ];
  const body = rows.map((row, index) => {
    const amount = family.unit === 'MB' ? row.bytes / MB : row.size / 1000;
    const previous = rows[index - 1];
    const growth = previous
      ? (
          row.cpuMs /
          previous.cpuMs /
          (family.unit === 'MB' ? row.bytes / previous.bytes : row.size / previous.size)
        ).toFixed(2)
      : '—';
    return [
      sizeLabel(row, family.unit),
      `${(row.wallMs / 1000).toFixed(2)} s`,
      `${(row.cpuMs / 1000).toFixed(2)} s`,
      (row.wallMs / 1000 / amount).toFixed(2),
      (row.cpuMs / 1000 / amount).toFixed(2),
      growth,
    ];
  });
  return formatTable([header, ...body]);
}

const folder = await mkdtemp(join(tmpdir(), 'testops-bench-parsers-'));
const results = new Map<string, Row[]>();
try {
  console.log(
    `bench:parsers — load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores; CPU is this process's own`,
  );
  for (const family of families) {
    const rows: Row[] = [];
    for (const size of family.sizes) {
      const input = await family.prepare(size, folder);
      rows.push({ size, bytes: input.bytes, ...(await measure(input.run)) });
    }
    results.set(family.name, rows);
    console.log(`\n${family.name}\n${table(family, rows)}`);
  }
} finally {
  await rm(folder, { recursive: true, force: true });
}

for (const style of ['markdown', 'list']) {
  const rows = results.get(
    `requirements → cases pipeline (${style}; read, design, emit Allure as code, write)`,
  )!;
  const oneMb = rows.find((row) => row.size === MB)!;
  const fourMb = rows.find((row) => row.size === 4 * MB);
  console.log(
    `\n1 MB of requirements (${style}) through the cases pipeline: ${(oneMb.wallMs / 1000).toFixed(2)} s wall, ` +
      `${(oneMb.cpuMs / 1000).toFixed(2)} s CPU — target < ${TARGET_SECONDS_PER_MB} s: ` +
      `wall ${verdict(oneMb.wallMs < TARGET_SECONDS_PER_MB * 1000)}, CPU ${verdict(oneMb.cpuMs < TARGET_SECONDS_PER_MB * 1000)}` +
      (fourMb
        ? `; 4 MB: ${(fourMb.wallMs / 1000).toFixed(2)} s wall, ${(fourMb.cpuMs / 1000).toFixed(2)} s CPU`
        : ''),
  );
}
console.log(
  `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; load average now ${loadavg()[0]!.toFixed(1)}`,
);
