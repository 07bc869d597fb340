import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  computeApiFaults,
  startComputeApi,
  type ComputeApiServer,
} from '../../examples/compute-api/server.ts';
import type { RunReport } from '../../src/core/run-report.ts';
import { generateApi } from '../../src/pipeline/generate-api.ts';
import { runSuite } from '../../src/pipeline/run-suite.ts';

/** How many of the faults seeded into the demo API the generated suite catches, and at what cost. */
export interface FaultDetectionResult {
  /** Seeded faults across all demo targets. */
  seeded: number;
  /** Faults on which at least one delivered test failed. */
  detected: number;
  /** Tests that failed or were flaky on the correct demo: each one is a bug in the generator. */
  falseFailures: number;
  testsDelivered: number;
  /** Wall time of generate + 3 verification runs on the correct demo, in ms. */
  verifyMs: number;
  /** One row per seeded fault; `caughtBy` is the title of the first test that failed on it. */
  faults: { target: string; fault: string; caughtBy: string | undefined; failedTests: number }[];
}

const SPEC = new URL('../../examples/compute-api/openapi.yaml', import.meta.url).pathname;

/**
 * Generates the compute API suite once, verifies it 3× on the correct demo (anything not
 * delivered there is a false failure), then runs the delivered suite once against each fault.
 */
export async function measureFaultDetection(): Promise<FaultDetectionResult | undefined> {
  const suiteDir = await mkdtemp(join(tmpdir(), 'testops-bench-faults-'));
  try {
    const started = performance.now();
    const correct = await withServer(null, (server) =>
      generateApi({
        spec: SPEC,
        outDir: suiteDir,
        format: 'playwright-ts',
        ...connection(server),
        run: true,
        repeat: 3,
      }),
    );
    const verifyMs = Math.round(performance.now() - started);
    const faults = [];
    for (const { name } of computeApiFaults) {
      process.stderr.write(`fault detection: ${name}\n`);
      const report = await withServer(name, (server) =>
        runSuite({ suiteDir, repeat: 1, ...connection(server) }),
      );
      faults.push({
        target: 'compute-api',
        fault: name,
        caughtBy: report.suspectedDefects[0]?.test,
        failedTests: report.tests.failed,
      });
    }
    return {
      seeded: faults.length,
      detected: faults.filter((fault) => fault.caughtBy !== undefined).length,
      falseFailures: correct.tests.failed + correct.tests.flaky,
      testsDelivered: correct.tests.delivered,
      verifyMs,
      faults,
    };
  } finally {
    await rm(suiteDir, { recursive: true, force: true });
  }
}

function connection(server: ComputeApiServer) {
  return {
    baseUrl: server.url,
    headers: [`Authorization: Bearer ${server.token}`],
    variables: { project_id: server.projectId },
  };
}

async function withServer(
  fault: (typeof computeApiFaults)[number]['name'] | null,
  work: (server: ComputeApiServer) => Promise<RunReport>,
): Promise<RunReport> {
  const server = await startComputeApi({ fault });
  try {
    return await work(server);
  } finally {
    await server.close();
  }
}
