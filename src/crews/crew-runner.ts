import { trace } from '@opentelemetry/api';
import { describeError, TestopsError } from '../core/errors.ts';
import type { CrewStep } from '../core/events.ts';
import type { ModelClient } from '../core/model-client.ts';
import { ModelError } from '../core/model-errors.ts';
import { firstLine, runAgentLoop, type Assignment } from './agent-loop.ts';
import type { Agent, Behavior, Task } from './behavior.ts';
import type { CrewTool, ToolEnvironment } from './crew-tool.ts';
import { compileOutputSchema, outputProblem } from './output-check.ts';
import { fillPlaceholders } from './placeholders.ts';
import { directTool, runTool } from './run-tool.ts';

/** The model an agent uses (its `llm`, or the configured one), or undefined: no model. */
export type ModelPicker = (llm: string | undefined) => Promise<ModelClient | undefined>;

export interface RunCrewOptions {
  behavior: Behavior;
  inputs: Record<string, string>;
  tools: ReadonlyMap<string, CrewTool>;
  model: ModelPicker;
  env: ToolEnvironment;
}

export interface TaskResult {
  task: string;
  agent: string;
  /** `model`: the agent's answer; `tool`: the task's tool ran directly (no model, or its fallback). */
  mode: 'model' | 'tool';
  output: unknown;
  durationMs: number;
}

export interface CrewResult {
  name: string | undefined;
  process: Behavior['process'];
  tasks: TaskResult[];
  /** The last task's output, as CrewAI's kickoff returns it. */
  output: unknown;
}

/**
 * Runs a crew: tasks in order, each reading the outputs its context names; an agent acts through
 * the model, or — with no model, or when the model fails — the task's tool runs directly when the
 * known values suffice. A task that can do neither fails the crew with TESTOPS_CREW_TASK_FAILED.
 */
export async function runCrew(options: RunCrewOptions): Promise<CrewResult> {
  const behavior = fillPlaceholders(options.behavior, options.inputs);
  const outputs = new Map<string, unknown>();
  const results: TaskResult[] = [];
  for (const task of behavior.tasks) {
    const started = performance.now();
    const result = await trace
      .getTracer('testops-crews')
      .startActiveSpan(`crew task ${task.key}`, async (span) => {
        try {
          return await runTask(options, behavior, task, outputs);
        } finally {
          span.end();
        }
      });
    outputs.set(task.key, result.output);
    results.push({ ...result, task: task.key, durationMs: Math.round(performance.now() - started) });
  }
  return { name: behavior.name, process: behavior.process, tasks: results, output: results.at(-1)?.output };
}

async function runTask(
  options: RunCrewOptions,
  behavior: Behavior,
  task: Task,
  outputs: Map<string, unknown>,
): Promise<Omit<TaskResult, 'task' | 'durationMs'>> {
  const context = Object.fromEntries(task.contextTasks.map((key) => [key, outputs.get(key)]));
  // Tools get the run's inputs and the fields of earlier outputs this task reads (a `suite_dir`).
  const known: Record<string, unknown> = { ...behavior.inputs };
  for (const output of Object.values(context))
    if (output && typeof output === 'object' && !Array.isArray(output)) Object.assign(known, output);
  const assignment: Assignment = {
    task: task.key,
    description: task.description,
    expectedOutput: task.expected_output,
    context,
    notes: task.notes,
    check: compileOutputSchema(task.output_schema),
  };
  const lead = leadAgent(behavior, task);
  const emit = (agent: string, mode: CrewStep['mode']) => (step: Omit<CrewStep, 'task' | 'agent' | 'mode'>) =>
    options.env.events({ type: 'crew-step', step: { task: task.key, agent, mode, ...step } });
  const tools = toolsOf(options.tools, task.tools ?? lead.tools);
  const direct = directTool(toolsOf(options.tools, task.tools ?? directToolNames(behavior, task)), known);
  emit(lead.key, direct ? 'tool' : 'model')({ iteration: 0, action: 'task-start' });
  const model = await options.model(lead.llm);
  if (model) {
    try {
      const output = await runAgentLoop({
        agent: lead,
        assignment,
        tools,
        coworkers: coworkersOf(behavior, lead),
        model,
        known,
        env: options.env,
        step: emit(lead.key, 'model'),
        delegate: (coworker, question) => delegated(options, coworker, question, assignment, known),
      });
      emit(lead.key, 'model')({ iteration: 0, action: 'task-end', detail: firstLine(output) });
      return { agent: lead.key, mode: 'model', output };
    } catch (error) {
      if (!(error instanceof ModelError) || !direct) throw taskFailure(task, lead, error, emit);
      emit(lead.key, 'tool')({ iteration: 0, action: 'fallback', tool: direct.name, detail: error.code });
    }
  } else if (!direct) {
    throw taskFailure(task, lead, noModel(tools), emit);
  }
  const started = performance.now();
  emit(lead.key, 'tool')({ iteration: 1, action: 'tool-call', tool: direct!.name });
  const output = await runTool(direct!, known, options.env, task.key).catch((error: unknown) => {
    throw taskFailure(task, lead, error, emit);
  });
  const problem = outputProblem(assignment.check, output);
  if (problem)
    throw taskFailure(
      task,
      lead,
      new Error(`the ${direct!.name} result does not match output_schema: ${problem}`),
      emit,
    );
  emit(
    lead.key,
    'tool',
  )({
    iteration: 1,
    action: 'task-end',
    tool: direct!.name,
    detail: firstLine(output),
    durationMs: Math.round(performance.now() - started),
  });
  return { agent: lead.key, mode: 'tool', output };
}

/**
 * Who leads a task: its agent in a sequential process; in a hierarchical one the manager, which
 * delegates to the crew (the task's agent, when named, is who it is told to prefer).
 */
function leadAgent(behavior: Behavior, task: Task): Agent {
  const byKey = (key: string | undefined) => behavior.agents.find((agent) => agent.key === key);
  if (behavior.process === 'hierarchical') {
    const manager = byKey(behavior.manager)!;
    return { ...manager, allow_delegation: true, tools: [] };
  }
  return byKey(task.agent)!;
}

/**
 * The tools a task may run without a model: its agent's; in a hierarchical process with no agent
 * named, every agent's (the manager cannot choose without a model, so the tools decide).
 */
function directToolNames(behavior: Behavior, task: Task): string[] {
  const agent = behavior.agents.find((candidate) => candidate.key === task.agent);
  if (agent) return agent.tools;
  return behavior.process === 'hierarchical' ? behavior.agents.flatMap((candidate) => candidate.tools) : [];
}

function coworkersOf(behavior: Behavior, lead: Agent): Agent[] {
  if (!lead.allow_delegation) return [];
  return behavior.agents.filter((agent) => agent.key !== lead.key);
}

/** A coworker answers a delegated question with its own tools; it may not delegate further. */
async function delegated(
  options: RunCrewOptions,
  coworker: Agent,
  question: string,
  parent: Assignment,
  known: Record<string, unknown>,
): Promise<unknown> {
  const model = await options.model(coworker.llm);
  if (!model) throw new Error(`${coworker.key} has no model to answer with`);
  return runAgentLoop({
    agent: coworker,
    assignment: {
      ...parent,
      description: question,
      expectedOutput: 'An answer to the question.',
      check: undefined,
    },
    tools: toolsOf(options.tools, coworker.tools),
    coworkers: [],
    model,
    known,
    env: options.env,
    step: (step) =>
      options.env.events({
        type: 'crew-step',
        step: { task: parent.task, agent: coworker.key, mode: 'model', ...step },
      }),
    delegate: () => Promise.reject(new Error('a delegated question cannot be delegated again')),
  });
}

function toolsOf(tools: ReadonlyMap<string, CrewTool>, names: readonly string[]): CrewTool[] {
  return names.flatMap((name) => tools.get(name) ?? []);
}

function noModel(tools: CrewTool[]): TestopsError {
  return new TestopsError(
    'TESTOPS_CREW_TASK_FAILED',
    'no model is configured and no tool of the task can run on the known inputs',
    {
      expected:
        tools.length > 0
          ? `inputs for one of: ${tools.map((tool) => tool.name).join(', ')}`
          : 'a tool on the task or its agent, or a configured model',
      hint: 'configure a model (TESTOPS_LLM_*), or give the inputs the task’s tool needs (e.g. --input spec=… --input base_url=…).',
    },
  );
}

function taskFailure(
  task: Task,
  agent: Agent,
  error: unknown,
  emit: (agent: string, mode: CrewStep['mode']) => (step: Omit<CrewStep, 'task' | 'agent' | 'mode'>) => void,
): TestopsError {
  const message = describeError(error).split('\n')[0]!;
  emit(agent.key, 'model')({ iteration: 0, action: 'task-failed', detail: message });
  if (error instanceof TestopsError && error.code === 'TESTOPS_CREW_TASK_FAILED' && error.where) return error;
  return new TestopsError('TESTOPS_CREW_TASK_FAILED', `task ${task.key} (${agent.key}) failed: ${message}`, {
    where: `tasks.${task.key}`,
    hint:
      error instanceof ModelError
        ? 'the model gave no usable answer and the task has no tool that can run without it; check the model, or give the task a tool and its inputs.'
        : 'see the message above; the outputs of earlier tasks are kept in the work folder.',
    cause: error,
  });
}
