import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { errorResponseSchema } from '../contracts.ts';
import type { ServiceContext } from '../service-context.ts';

const demoListSchema = z.object({
  items: z.array(
    z.object({
      name: z.string(),
      url: z.string(),
      openapi_spec: z.string().nullable().describe('The OpenAPI document of an API demo, to submit inline.'),
      headers: z.array(z.string()).describe('Headers the demo expects, such as its Bearer token.'),
    }),
  ),
});

/**
 * The demo targets running beside this server, so a first generation needs nothing but a click.
 * Their tokens are fixed, published demo values, not secrets.
 */
export function registerDemoRoutes(app: FastifyInstance, context: ServiceContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/demos',
    {
      schema: {
        summary: 'The bundled demo targets this server started',
        tags: ['demos'],
        response: { 200: demoListSchema, 401: errorResponseSchema },
      },
    },
    async () => ({
      items: await Promise.all(
        (context.demos ?? []).map(async (demo) => ({
          name: demo.name,
          url: demo.url,
          openapi_spec: demo.spec ? await readFile(demo.spec, 'utf8') : null,
          headers: demo.token ? [`Authorization: Bearer ${demo.token}`] : [],
        })),
      ),
    }),
  );
}
