import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadServiceConfig } from '../../../src/service/config.ts';
import { buildApp } from '../../../src/service/http/build-app.ts';
import { errorResponseSchema } from '../../../src/service/http/error-response.ts';
import { openRuntime, type ServiceRuntime } from '../../../src/service/runtime.ts';
import {
  createTestDatabase,
  tempDataDir,
  type TempDataDir,
  type TestDatabase,
} from '../support/databases.ts';
import { fuzzBodies, seededRandom, type FuzzField } from '../support/fuzz-bodies.ts';

// Every POST (and PUT) route the app registers, fed malformed bodies: never a 5xx, every 4xx in the shared
// error shape, and the server still healthy after each route's batch. Routes are collected as
// the app registers them, so a new route is fuzzed without touching this file. No worker runs:
// bodies that happen to be valid create pending jobs, and nothing of the engine is loaded.
const SEED = 20_261_203;
const BODIES_PER_ROUTE = 150;
const TIME_BUDGET_MS = 60_000;

interface PostRoute {
  url: string;
  method: 'POST' | 'PUT';
  fields: FuzzField[];
}

/** Top-level fields of a route's zod body schema, with their JSON Schema types. */
function fieldsOf(schema: unknown): FuzzField[] {
  if (!(schema instanceof z.ZodType)) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, { type?: string }>;
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    type: property.type ?? 'object',
  }));
}

/** Path parameters get a plausible id, or garbage. */
function concrete(url: string, random: () => number): string {
  const values = [
    '00000000-0000-4000-8000-000000000000',
    'not-a-uuid',
    '%00',
    '..%2F..%2Fetc',
    'x'.repeat(300),
  ];
  return url.replace(/:\w+/g, () => values[Math.floor(random() * values.length)]!);
}

describe.each(['pglite', 'postgres'] as const)('fuzzing every POST endpoint (%s)', (store) => {
  let dataDir: TempDataDir;
  let database: TestDatabase | undefined;
  let runtime: ServiceRuntime;
  let app: FastifyInstance;
  const routes: PostRoute[] = [];
  const errorLogs: string[] = [];

  beforeAll(async () => {
    dataDir = await tempDataDir();
    database = store === 'postgres' ? await createTestDatabase('testops_fuzz') : undefined;
    const config = loadServiceConfig(
      {
        TESTOPS_DATA_DIR: dataDir.path,
        LOG_LEVEL: 'error',
        TESTOPS_RATE_LIMIT: '1000000',
        ...(database
          ? { DATABASE_URL: database.url, TESTOPS_SECRET_KEY: randomBytes(32).toString('base64') }
          : {}),
      },
      { port: 0 },
    );
    runtime = await openRuntime(config, {
      role: 'api',
      logDestination: { write: (line: string) => void errorLogs.push(line) },
    });
    app = await buildApp(
      {
        config,
        stores: runtime.stores,
        queue: runtime.queue,
        bus: runtime.bus,
        metrics: runtime.metrics,
        readiness: [],
        traceparent: () => undefined,
      },
      {
        logger: runtime.logger as unknown as FastifyBaseLogger,
        beforeRoutes: (instance) => {
          instance.addHook('onRoute', (route) => {
            const methods = [route.method].flat();
            // PUT routes take bodies too: fuzzed alike.
            for (const method of ['POST', 'PUT'] as const)
              if (methods.includes(method))
                routes.push({ url: route.url, method, fields: fieldsOf(route.schema?.body) });
          });
        },
      },
    );
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await runtime?.close();
    await database?.drop();
    await dataDir?.remove();
  });

  it('answers malformed bodies with a 4xx in the shared shape, never a 5xx, and stays healthy', async () => {
    expect(routes.map((route) => route.url)).toEqual(
      expect.arrayContaining(['/api/v1/generate/api-tests', '/api/v1/validate', '/api/v1/tasks/:id/cancel']),
    );
    const random = seededRandom(SEED);
    const counts = { requests: 0, '2xx': 0, '4xx': 0, '5xx': 0 };
    const byStatus = new Map<number, number>();
    const failures: string[] = [];
    const started = performance.now();
    for (const route of routes) {
      for (const body of fuzzBodies(route.fields, BODIES_PER_ROUTE, random)) {
        if (performance.now() - started > TIME_BUDGET_MS) break;
        const response = await app.inject({
          method: route.method,
          url: concrete(route.url, random),
          payload: body.payload,
          headers: body.contentType === undefined ? {} : { 'content-type': body.contentType },
        });
        counts.requests++;
        byStatus.set(response.statusCode, (byStatus.get(response.statusCode) ?? 0) + 1);
        const what = `${route.url} [${body.label}] → ${response.statusCode}: ${response.body.slice(0, 300)}`;
        if (response.statusCode >= 500) {
          counts['5xx']++;
          failures.push(what);
        } else if (response.statusCode >= 400) {
          counts['4xx']++;
          if (!hasSharedShape(response.body)) failures.push(`not the shared error shape: ${what}`);
        } else counts['2xx']++;
      }
      const health = await app.inject({ method: 'GET', url: '/health' });
      if (health.statusCode !== 200)
        failures.push(`${route.url}: /health answered ${health.statusCode} after the batch`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const statuses = [...byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    console.log(
      `fuzz on ${store} (seed ${SEED}, ${routes.length} POST/PUT routes, ${seconds} s): ${counts.requests} requests, ` +
        `${counts['2xx']} 2xx, ${counts['4xx']} 4xx, ${counts['5xx']} 5xx (${statuses.join(', ')})`,
    );
    if (failures.length > 0) console.log(errorLogs.join('').slice(0, 5_000));
    expect(failures).toEqual([]);
    expect(counts.requests).toBeGreaterThanOrEqual(routes.length * 10);
  }, 120_000);
});

function hasSharedShape(text: string): boolean {
  try {
    const parsed = errorResponseSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.error.request_id.length > 0;
  } catch {
    return false;
  }
}
