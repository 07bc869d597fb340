import { SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';

export const MODEL_TRACER = 'testops-llm';

/** GenAI semantic-convention attributes of a model call; prompts and keys are never attributes. */
export function modelSpanAttributes(attributes: {
  provider: string;
  model: string;
  task: string;
}): Attributes {
  return {
    'gen_ai.operation.name': 'chat',
    'gen_ai.system': attributes.provider,
    'gen_ai.request.model': attributes.model,
    'testops.llm.task': attributes.task,
  };
}

/**
 * One span per model call; a no-op unless the process registered a tracer provider (the
 * service does).
 */
export async function withModelSpan<T>(
  attributes: { provider: string; model: string; task: string },
  work: () => Promise<T>,
  tokens: (result: T) => { input: number; output: number },
): Promise<T> {
  return trace.getTracer(MODEL_TRACER).startActiveSpan(`chat ${attributes.model}`, async (span) => {
    span.setAttributes(modelSpanAttributes(attributes));
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
