import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { startServer, type RunningServer } from '../../../src/service/start-server.ts';
import { tempDataDir, type TempDataDir } from '../support/databases.ts';
import { computeApiSpec, postJson, waitForTask } from '../support/service-client.ts';
import { waitFor } from '../support/wait-for.ts';
import { OtlpReceiver } from '../observability/otlp-receiver.ts';

// One trace from the request to the engine: the server exports over OTLP/HTTP to a local
// collector, and the spec is fetched from a local server that sees the propagated traceparent.
let dataDir: TempDataDir;
let receiver: OtlpReceiver;
let specServer: Server;
let specUrl: string;
const specRequests: (string | undefined)[] = [];
let server: RunningServer;

beforeAll(async () => {
  dataDir = await tempDataDir();
  receiver = await OtlpReceiver.start();
  const spec = await computeApiSpec();
  specServer = createServer((request, response) => {
    specRequests.push(request.headers.traceparent as string | undefined);
    response.writeHead(200, { 'content-type': 'application/yaml' }).end(spec);
  });
  await new Promise<void>((resolve) => specServer.listen(0, '127.0.0.1', resolve));
  specUrl = `http://127.0.0.1:${(specServer.address() as AddressInfo).port}/openapi.yaml`;
  const config = loadServiceConfig(
    {
      TESTOPS_DATA_DIR: dataDir.path,
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      TESTOPS_ALLOW_PRIVATE_TARGETS: '1',
      LOG_LEVEL: 'warn',
    },
    { port: 0, concurrency: 1 },
  );
  server = await startServer(config);
});

afterAll(async () => {
  await server?.close();
  specServer?.closeAllConnections();
  await new Promise<void>((resolve) => specServer?.close(() => resolve()));
  await receiver?.close();
  await dataDir?.remove();
});

describe('tracing across the service', () => {
  it('joins HTTP → job → engine stages → the outgoing spec fetch in one exported trace', async () => {
    const submitted = await postJson(`${server.url}/api/v1/generate/api-tests`, {
      openapi_url: specUrl,
      endpoints: ['GET /api/v1/flavors'],
      options: { run: false },
    });
    expect(submitted.status).toBe(202);
    await waitForTask(server.url, submitted.body['request_id'] as string, ['completed']);
    await server.runtime.tracing.forceFlush();
    await waitFor(() => receiver.spans.some((span) => span.name === 'job api-tests'), 'the job span', 15_000);

    const request = receiver.spans.find((span) => span.name === 'POST /api/v1/generate/api-tests')!;
    expect(request).toBeDefined();
    const trace = receiver.spans.filter((span) => span.traceId === request.traceId);
    const job = trace.find((span) => span.name === 'job api-tests')!;
    expect(job).toBeDefined();
    const stages = trace.filter((span) => span.name.startsWith('stage '));
    expect(stages.map((span) => span.name)).toEqual(
      expect.arrayContaining(['stage load spec', 'stage design tests']),
    );
    expect(stages.every((span) => span.parentSpanId === job.spanId)).toBe(true);
    const fetchSpan = trace.find(
      (span) => span.kind === 3 && String(span.attributes['url.full'] ?? '').startsWith(specUrl),
    );
    expect(fetchSpan).toBeDefined();
    expect(specRequests.at(-1)).toContain(request.traceId);
    expect(receiver.problems).toEqual([]);
  });
});
