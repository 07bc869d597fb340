import { SpanStatusCode, trace } from '@opentelemetry/api';

const TRACER = 'testops-llm';

/**
 * One span per model call (GenAI semantic-convention attribute names); a no-op unless the
 * process registered a tracer provider (the service does). Prompts and keys are never attributes.
 */
export async function withModelSpan<T>(
  attributes: { provider: string; model: string; task: string },
  work: () => Promise<T>,
  tokens: (result: T) => { input: number; output: number },
): Promise<T> {
  return trace.getTracer(TRACER).startActiveSpan(`chat ${attributes.model}`, async (span) => {
    span.setAttributes({
      'gen_ai.operation.name': 'chat',
      'gen_ai.system': attributes.provider,
      'gen_ai.request.model': attributes.model,
      'testops.llm.task': attributes.task,
    });
    try {
      const result = await work();
      const used = tokens(result);
      span.setAttributes({
        'gen_ai.usage.input_tokens': used.input,
        'gen_ai.usage.output_tokens': used.output,
      });
      return result;
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}
