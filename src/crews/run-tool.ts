import { trace } from '@opentelemetry/api';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TestopsError } from '../core/errors.ts';
import type { CrewTool, ToolEnvironment } from './crew-tool.ts';

let calls = 0;

/**
 * Runs one tool call: arguments checked by the tool's schema, a fresh output folder under the
 * task's, a span around it. Bad arguments are a TestopsError naming each problem.
 */
export async function runTool(
  tool: CrewTool,
  candidates: Record<string, unknown>,
  env: ToolEnvironment,
  task: string,
): Promise<Record<string, unknown>> {
  const parsed = tool.parameters.safeParse(candidates);
  if (!parsed.success)
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `${tool.name}: arguments do not fit`, {
      where: `tool ${tool.name}`,
      problems: parsed.error.issues.map((issue) => ({
        where: issue.path.join('.') || 'args',
        problem: issue.message,
      })),
      expected: parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'args'}: ${issue.message}`)
        .join('; '),
    });
  calls += 1;
  const outDir = join(env.workDir, task, `${tool.name}-${calls}`);
  await mkdir(outDir, { recursive: true });
  return trace.getTracer('testops-crews').startActiveSpan(`crew tool ${tool.name}`, async (span) => {
    span.setAttributes({ 'testops.crew.task': task, 'testops.crew.tool': tool.name });
    try {
      return await tool.run(parsed.data, env, outDir);
    } finally {
      span.end();
    }
  });
}

/**
 * The tool a task can run without a model: the first of its tools whose arguments the known
 * values (inputs, earlier outputs) already satisfy.
 */
export function directTool(tools: CrewTool[], known: Record<string, unknown>): CrewTool | undefined {
  return tools.find((tool) => tool.parameters.safeParse(known).success);
}
