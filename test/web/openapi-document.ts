import { loadServiceConfig } from '../../src/service/config.ts';
import { buildApp } from '../../src/service/http/build-app.ts';

/** The HTTP app's OpenAPI document, built with no database or queue behind it (only routes are read). */
export async function openApiDocument(): Promise<unknown> {
  const app = await buildApp(
    {
      config: loadServiceConfig({}),
      stores: {} as never,
      queue: {} as never,
      bus: {} as never,
      metrics: undefined,
      readiness: [],
      traceparent: () => undefined,
    },
    { webUi: false },
  );
  await app.ready();
  const document = app.swagger();
  await app.close();
  return document;
}
