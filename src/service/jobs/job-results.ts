import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { TestopsError } from '../../core/errors.ts';
import type { SecretScrubber } from '../../core/secret-values.ts';
import type { ExecutorResult } from './executor.ts';
import type { JobRecord } from './job.ts';
import type { JobRunnerOptions } from './job-runner-options.ts';
import { jobSources } from './job-sources.ts';
import { storable } from './storable-json.ts';

/** Files a run leaves that are not results: dependencies and raw runner output (evidence keeps copies). */
const SKIPPED_OUTPUT = new Set(['node_modules', 'test-results', '.cache', '__pycache__', '.pytest_cache']);
const MAX_ARTIFACT_BYTES = 256 * 1024 * 1024;

/** A finished job's tests, artifacts (secrets masked), sources and report, into the store. */
export async function storeResults(
  options: JobRunnerOptions,
  job: JobRecord,
  result: ExecutorResult,
  outputDir: string,
  scrubber: SecretScrubber,
): Promise<void> {
  const { stores } = options;
  // Titles and documents come from fetched specs and crawled pages: text the database may refuse.
  await stores.tests.saveForJob(job.id, job.projectId, storable(result.tests));
  const outputs = (await collectOutput(outputDir)).map((file) => ({
    ...file,
    content: scrubber.scrubBytes(file.content),
  }));
  await stores.artifacts.replaceForJob(job.id, outputs);
  for (const source of jobSources(job, outputs)) await stores.sources.save(source);
  if (result.report)
    await stores.reports.saveForJob(
      job.id,
      result.report.kind,
      storable(result.report.report),
      storable(result.report.results),
    );
}

async function collectOutput(root: string): Promise<{ path: string; content: Buffer }[]> {
  const files: { path: string; content: Buffer }[] = [];
  let total = 0;
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (SKIPPED_OUTPUT.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) {
        const content = await readFile(path);
        total += content.byteLength;
        if (total > MAX_ARTIFACT_BYTES)
          throw new TestopsError('TESTOPS_OUTPUT_TOO_LARGE', 'the job produced more output than is kept', {
            where: relative(root, path),
            expected: `at most ${MAX_ARTIFACT_BYTES / 1024 / 1024} MB of artifacts`,
            hint: 'generate fewer operations or pages per job (endpoints / max_pages).',
          });
        files.push({ path: relative(root, path).split('\\').join('/'), content });
      }
    }
  };
  await walk(root);
  return files;
}
