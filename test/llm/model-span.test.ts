import { trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';
import { fixtureClient } from './model-client-helpers.ts';

const exporter = new InMemorySpanExporter();
let server: ModelServer;
beforeAll(async () => {
  trace.setGlobalTracerProvider(
    new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
  );
  server = await startModelServer({ scenario: 'repaired' });
});
afterAll(async () => {
  await server.close();
  trace.disable();
});

describe('traces', () => {
  it('have one span per model call, with tokens and no prompt or key', async () => {
    const client = await fixtureClient(server, 'fixture-json-mode');
    await client.generateObject({
      task: 'requirements → cases',
      system: 'Propose cases.',
      prompt: '<requirements>\n[{"id": "CALC-20"}]\n</requirements>',
      schema: z.object({ cases: z.array(z.object({ kind: z.string() })).min(1) }),
      schemaName: 'cases',
    });
    const spans = exporter.getFinishedSpans().filter((span) => span.name === 'chat fixture-json-mode');
    // The first answer breaks the schema; the repair is a second call, so a second span.
    expect(spans).toHaveLength(2);
    expect(spans[0]!.attributes).toMatchObject({
      'gen_ai.request.model': 'fixture-json-mode',
      'testops.llm.task': 'requirements → cases',
    });
    expect(spans[0]!.attributes['gen_ai.usage.input_tokens']).toBeGreaterThan(0);
    const text = JSON.stringify(spans.map((span) => span.attributes));
    expect(text).not.toContain('sk-fixture-secret-key');
    expect(text).not.toContain('CALC-20');
  });
});
