import { parseBehaviorYaml } from '../../../crews/behavior-yaml.ts';
import { crewModels } from '../../../crews/crew-models.ts';
import { runCrew } from '../../../crews/crew-runner.ts';
import { ENGINE_TOOLS } from '../../../crews/engine-tools.ts';
import { guardFor, type JobExecutor } from '../executor.ts';
import { crewInputSchema } from '../job-inputs.ts';

/**
 * POST /projects/{id}/crews/run: the crew of the behaviour resolved at submission, its tools
 * writing under the job's outputs (the artifacts), every URL through the SSRF guard, no path
 * outside the job's folder. Each agent step is a `crew-step` event on the job's stream.
 */
export const runCrewJob: JobExecutor = async (raw, context) => {
  const input = crewInputSchema.parse(raw);
  const behavior = parseBehaviorYaml(input.behavior, input.behavior_source);
  const { headers } = context.secrets;
  const result = await runCrew({
    behavior,
    inputs: { ...input.inputs, ...(headers.length > 0 ? { headers: headers.join('\n') } : {}) },
    tools: ENGINE_TOOLS,
    model: crewModels(
      { llm: input.options.llm, ...(context.responseCache ? { responseCache: context.responseCache } : {}) },
      context.events,
    ),
    env: {
      workDir: context.outputDir,
      events: context.events,
      signal: context.signal,
      paths: 'work-dir',
      guardFor: (url) => guardFor(context, url),
    },
  });
  return {
    summary: {
      crew: result.name ?? null,
      process: result.process,
      behavior_source: input.behavior_source,
      tasks: result.tasks.map((task) => ({
        task: task.task,
        agent: task.agent,
        mode: task.mode,
        duration_ms: task.durationMs,
      })),
    },
    tests: [],
    report: { kind: 'crew', report: result as unknown as Record<string, unknown> },
    errors: [],
  };
};
