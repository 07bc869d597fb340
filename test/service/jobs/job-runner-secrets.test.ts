import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineExecutors } from '../../../src/service/jobs/executors/registry.ts';
import type { JobExecutor } from '../../../src/service/jobs/executor.ts';
import { createJobHandler } from '../../../src/service/jobs/job-runner.ts';
import { saveJobSecrets, splitJobSecrets } from '../../../src/service/jobs/job-secrets.ts';
import { createLogger, KnownSecrets } from '../../../src/service/observability/logger.ts';
import { MemoryEventBus } from '../../../src/service/jobs/event-bus.ts';
import { openStores } from '../../../src/service/store/open-stores.ts';
import type { Stores } from '../../../src/service/store/stores.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';

// Whatever an executor produces (files, events, results, a failure) passes through the runner:
// it masks the job's header values and secret variables there, whatever the engine did before.
const customKey = `custom-${randomBytes(12).toString('hex')}`;
const secretVariable = `tenant-${randomBytes(12).toString('hex')}`;
const basicPassword = `pw-${randomBytes(12).toString('hex')}`;
const basic = Buffer.from(`robot:${basicPassword}`).toString('base64');
const SECRETS = [customKey, secretVariable, basicPassword, basic];
const leakingText = `X-Api-Key-Custom: ${customKey}; tenant=${encodeURIComponent(secretVariable)}; robot:${basicPassword}`;

/** An executor that writes every secret it was given wherever it can. */
const leakyExecutor: JobExecutor = async (_input, context) => {
  await mkdir(join(context.outputDir, 'api-suite', 'evidence'), { recursive: true });
  await writeFile(join(context.outputDir, 'api-suite', 'evidence', 'defect.json'), leakingText);
  await writeFile(join(context.outputDir, 'api-suite', 'image.bin'), Buffer.from([0, 255, 1, 254]));
  context.events({ type: 'log', level: 'warn', message: leakingText });
  return {
    summary: { note: leakingText },
    tests: [
      {
        key: 'api:GET /x:t',
        kind: 'api',
        status: 'defect',
        title: 'a test',
        target: 'GET /x',
        file: undefined,
        document: { curl: `curl -H 'Authorization: Basic ${basic}'` },
      },
    ],
    report: { kind: 'run-report', report: { suspectedDefects: [{ actual: leakingText }] } },
    errors: [{ code: 'TESTOPS_OPERATION_INVALID', message: leakingText }],
  };
};

let dataDir: TempDataDir;
let stores: Stores;
const logLines: string[] = [];

beforeAll(async () => {
  dataDir = await tempDataDir();
  stores = await openStores({ dataDir: dataDir.path });
});

afterAll(async () => {
  await stores?.close();
  await dataDir?.remove();
});

async function runJob(executor: JobExecutor): Promise<string> {
  const knownSecrets = new KnownSecrets();
  const logger = createLogger({
    level: 'debug',
    knownSecrets,
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  });
  const { input, secrets } = splitJobSecrets({
    openapi_spec: 'openapi: 3.0.3',
    options: {
      headers: [`X-Api-Key-Custom: ${customKey}`, `Authorization: Basic ${basic}`],
      secret_variables: { tenant: secretVariable },
    },
  });
  const { job } = await stores.jobs.create({
    projectId: 'default',
    kind: 'api-tests',
    input,
    maxAttempts: 1,
  });
  await saveJobSecrets(stores.secrets, job, secrets);
  const handler = createJobHandler({
    stores,
    bus: new MemoryEventBus(),
    executors: { ...engineExecutors, 'api-tests': executor },
    dataDir: dataDir.path,
    guard: { allowPrivate: false },
    logger,
    knownSecrets,
  });
  await handler(job.id, {
    signal: new AbortController().signal,
    attempt: 1,
    workerId: 'w1',
    traceparent: undefined,
  });
  return job.id;
}

const leaks = (where: string, text: string) =>
  SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${where}: ${secret}`);

describe('the job runner', () => {
  it('masks a job’s secret values in its artifacts, events, tests, report, summary and logs', async () => {
    const id = await runJob(leakyExecutor);
    const job = await stores.jobs.get(id);
    expect(job?.status).toBe('completed');
    const artifacts = await stores.artifacts.listForJob(id);
    const evidence = artifacts.find((file) => file.path.endsWith('defect.json'))!.content.toString();
    expect(evidence).toBe('X-Api-Key-Custom: ***; tenant=***; ***');
    expect(artifacts.find((file) => file.path.endsWith('image.bin'))?.content).toEqual(
      Buffer.from([0, 255, 1, 254]),
    );
    const stored = [
      ...artifacts.map((file) => [file.path, file.content.toString('latin1')] as const),
      ['events', JSON.stringify(await stores.jobs.eventsAfter(id, 0))] as const,
      ['job', JSON.stringify(job)] as const,
      ['report', JSON.stringify(await stores.reports.getForJob(id))] as const,
      ['tests', JSON.stringify(await stores.tests.list({ jobId: id, limit: 50, offset: 0 }))] as const,
      ['logs', logLines.join('')] as const,
    ];
    expect(stored.flatMap(([where, text]) => leaks(where, text))).toEqual([]);
  });

  it('masks them in the error of a failed job and its log line', async () => {
    const id = await runJob(async () => {
      throw new Error(`the runner printed ${leakingText}`);
    });
    const job = await stores.jobs.get(id);
    expect(job?.status).toBe('failed');
    expect(job?.errors[0]?.message).toContain('***');
    expect([...leaks('job', JSON.stringify(job)), ...leaks('logs', logLines.join(''))]).toEqual([]);
  });
});
