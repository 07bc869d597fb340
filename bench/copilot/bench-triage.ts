// Failure triage at scale: 10,000 failures (target < 10 s) read, classified and clustered, then
// triaged again with the project memory (PGlite) consulted and updated, and the memory's lookup
// time (by signature and nearest signature) once it holds the clusters of many runs.
// The failures are those of real runs of our demos (test/fixtures/triage), multiplied with the
// ids, numbers, operations and pages that vary between failures of one cause in a large suite.
// Run: npm run bench:triage [failures]
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { triageReport } from '../../src/pipeline/triage.ts';
import { hashedVector } from '../../src/triage/failure-vector.ts';
import { openStores } from '../../src/service/store/open-stores.ts';

const failures = Number(process.argv.slice(2).find((arg) => /^\d+$/.test(arg)) ?? 10_000);
const TARGET_MS = 10_000;
const LOOKUPS = 200;
const fixtures = new URL('../../test/fixtures/triage/', import.meta.url);

/** Failure messages of the recorded real runs: our reports' expected/actual, the UI run's errors. */
async function realMessages(): Promise<string[]> {
  const messages: string[] = [];
  const runs = new URL('runs/', fixtures);
  for (const file of await readdir(runs)) {
    const report = JSON.parse(await readFile(new URL(file, runs), 'utf8')) as {
      suspectedDefects: { expected: string; actual: string }[];
    };
    for (const defect of report.suspectedDefects.slice(0, 5))
      messages.push(`expected ${defect.expected}, got ${defect.actual}`);
  }
  const ui = await readFile(new URL('ui-playwright.json', fixtures), 'utf8');
  for (const match of ui.matchAll(/"message": ("(?:[^"\\]|\\.)*")/g))
    messages.push(JSON.parse(match[1]!) as string);
  return [...new Set(messages)];
}

/** A Playwright JSON report of `count` failures over the real messages, with what varies varied. */
function largeReport(messages: string[], count: number): string {
  const specs = Array.from({ length: count }, (_, index) => {
    const message = messages[index % messages.length]!.replace(
      /[0-9a-f]{8}-[0-9a-f]{4}/g,
      () => `${(index * 7919).toString(16).padStart(8, '0')}-${'abcd'}`,
    ).replace(/\b\d{4,}\b/g, () => String(1000 + (index % 9000)));
    const area = `area${index % 40}`;
    return {
      title: `case ${index} of ${area}`,
      file: `${area}.spec.ts`,
      line: 10 + (index % 50),
      tests: [
        {
          status: index % 97 === 0 ? 'flaky' : 'unexpected',
          annotations: [{ type: 'operation', description: `GET /api/v1/${area}/{id}` }],
          results: [
            {
              status: 'failed',
              error: {
                message,
                stack: `Error: x\n    at /suite/tests/${area}.spec.ts:${12 + (index % 3)}:5`,
              },
            },
            ...(index % 97 === 0 ? [{ status: 'passed' }] : []),
          ],
        },
      ],
    };
  });
  return JSON.stringify({ config: {}, suites: [{ title: 'large', specs }], errors: [] });
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

const work = await mkdtemp(join(tmpdir(), 'bench-triage-'));
try {
  const messages = await realMessages();
  const text = largeReport(messages, failures);
  console.log(
    `${failures} failures from ${messages.length} real failure messages (${(text.length / 1e6).toFixed(1)} MB)`,
  );

  let started = performance.now();
  const alone = await triageReport({ input: { name: 'large.json', text }, llm: 'off' });
  const aloneMs = performance.now() - started;
  console.log(
    `triage without memory: ${aloneMs.toFixed(0)} ms → ${alone.clusters.length} clusters (target < ${TARGET_MS} ms: ${aloneMs < TARGET_MS ? 'met' : 'MISSED'})`,
  );

  const stores = await openStores({ dataDir: join(work, 'data') });
  try {
    started = performance.now();
    const first = await triageReport({
      input: { name: 'large.json', text },
      memory: stores.triage,
      llm: 'off',
    });
    const firstMs = performance.now() - started;
    console.log(
      `triage with memory, first run (recall + remember ${first.clusters.length} clusters): ${firstMs.toFixed(0)} ms`,
    );
    started = performance.now();
    const second = await triageReport({
      input: { name: 'large-2.json', text: `${text} ` },
      memory: stores.triage,
      llm: 'off',
    });
    const secondMs = performance.now() - started;
    const recognised = second.clusters.filter((cluster) => cluster.recognised).length;
    console.log(
      `triage with memory, second run: ${secondMs.toFixed(0)} ms, ${recognised}/${second.clusters.length} clusters recognised`,
    );

    const ids = first.clusters.map((cluster) => cluster.id);
    const byId: number[] = [];
    const nearest: number[] = [];
    for (let index = 0; index < LOOKUPS; index++) {
      const cluster = first.clusters[index % first.clusters.length]!;
      let at = performance.now();
      await stores.triage.get('default', ids[index % ids.length]!);
      byId.push(performance.now() - at);
      at = performance.now();
      await stores.triage.nearest('default', hashedVector(`${cluster.signature} variant ${index}`), 5);
      nearest.push(performance.now() - at);
    }
    byId.sort((a, b) => a - b);
    nearest.sort((a, b) => a - b);
    console.log(
      `memory lookup over ${first.clusters.length} clusters (${stores.info.driver}, pgvector ${stores.info.vector ? 'on' : 'off'}), ${LOOKUPS} lookups:`,
    );
    console.log(
      `  by signature: p50 ${percentile(byId, 0.5).toFixed(2)} ms, p99 ${percentile(byId, 0.99).toFixed(2)} ms`,
    );
    console.log(
      `  nearest signature: p50 ${percentile(nearest, 0.5).toFixed(2)} ms, p99 ${percentile(nearest, 0.99).toFixed(2)} ms`,
    );
  } finally {
    await stores.close();
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
