import { trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CrewStep, PipelineEvent } from '../../src/core/events.ts';
import { TestopsError } from '../../src/core/errors.ts';
import { parseBehaviorYaml } from '../../src/crews/behavior-yaml.ts';
import { runCrew, type CrewResult } from '../../src/crews/crew-runner.ts';
import { ENGINE_TOOLS } from '../../src/crews/engine-tools.ts';
import { fixtureClient } from '../llm/model-client-helpers.ts';
import { startModelServer, type ModelServer } from '../support/model-fixture-server.ts';

const SPEC = resolve('examples/compute-api/openapi.yaml');

// One analyst with the read_api tool; a reviewer to delegate to.
function crew(options: { maxIter?: number; delegation?: boolean; outputSchema?: boolean } = {}) {
  return parseBehaviorYaml(`
agents:
  analyst:
    role: API analyst
    goal: Know the API of {product}
    tools: [read_api]
    max_iter: ${options.maxIter ?? 4}
    allow_delegation: ${options.delegation ?? false}
  reviewer:
    role: Reviewer
    goal: Answer questions about flavors
tasks:
  count:
    description: Count the operations of {product}
    expected_output: The number of operations
    agent: analyst
${options.outputSchema ? '    output_schema: {type: object, required: [operations], properties: {operations: {type: integer}}}\n' : ''}`);
}

let workDir: string;
let server: ModelServer | undefined;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'crew-runner-'));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function run(
  behavior: ReturnType<typeof crew>,
  scenario: string | undefined,
  inputs: Record<string, string> = { product: 'compute', spec: SPEC },
): Promise<{ result: CrewResult; steps: CrewStep[] }> {
  const steps: CrewStep[] = [];
  const client = scenario
    ? await fixtureClient((server = await startModelServer({ scenario })), 'fixture-json-mode', {
        env: { TESTOPS_LLM_MAX_RETRIES: '0' },
      })
    : undefined;
  const result = await runCrew({
    behavior,
    inputs,
    tools: ENGINE_TOOLS,
    model: async () => client,
    env: {
      workDir,
      paths: 'any',
      events: (event: PipelineEvent) => {
        if (event.type === 'crew-step') steps.push(event.step);
      },
    },
  });
  return { result, steps };
}

async function failure(work: Promise<unknown>): Promise<TestopsError> {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(TestopsError);
  return error as TestopsError;
}

const actions = (steps: CrewStep[]) =>
  steps.map((step) => [step.agent, step.action, step.tool ?? step.coworker ?? '']);

describe('the crew runner with a model over HTTP', () => {
  it('runs a tool the model asks for with the known inputs, and returns its final answer', async () => {
    const { result, steps } = await run(crew(), 'crew-tool-loop');
    expect(result.tasks).toEqual([
      expect.objectContaining({ task: 'count', agent: 'analyst', mode: 'model', output: { operations: 19 } }),
    ]);
    expect(actions(steps)).toEqual([
      ['analyst', 'task-start', ''],
      ['analyst', 'tool-call', 'read_api'],
      ['analyst', 'tool-result', 'read_api'],
      ['analyst', 'answer', ''],
      ['analyst', 'task-end', ''],
    ]);
    // The second request carried the tool's observation (the spec's operations), delimited as data.
    const second = JSON.stringify(
      server!.requests.filter((request) => request.path === '/v1/chat/completions')[1]!.body,
    );
    expect(second).toContain('GET /api/v1/flavors/{flavor_id}');
    expect(second).toContain('<steps>');
  });

  it('bounds tool calls by max_iter and fails the task clearly when no answer comes', async () => {
    const error = await failure(run(crew({ maxIter: 3 }), 'crew-never-final', { product: 'compute' }));
    expect(error.code).toBe('TESTOPS_CREW_TASK_FAILED');
    expect(error.message).toMatch(/no acceptable final answer within max_iter 3/);
    const chats = server!.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(chats).toHaveLength(3);
  });

  it('hands a sub-question to a coworker when delegation is allowed', async () => {
    const { result, steps } = await run(crew({ delegation: true }), 'crew-delegate');
    expect(result.output).toBe('The reviewer says: flavor s1.small');
    expect(actions(steps)).toContainEqual(['analyst', 'delegate', 'reviewer']);
    expect(actions(steps)).toContainEqual(['reviewer', 'answer', '']);
  });

  it('checks a structured output against the task’s output_schema and asks again', async () => {
    const { result, steps } = await run(crew({ outputSchema: true }), 'crew-structured');
    expect(result.output).toEqual({ operations: 19 });
    expect(steps.filter((step) => step.action === 'answer').map((step) => step.detail)).toEqual([
      'refused: the output must be object',
      undefined,
    ]);
  });

  it('falls back to the task’s tool when the model answers garbage and the inputs suffice', async () => {
    const { result, steps } = await run(crew(), 'garbage');
    expect(result.tasks[0]).toMatchObject({ mode: 'tool', output: { title: 'SVC Public API' } });
    expect(steps).toContainEqual(
      expect.objectContaining({ action: 'fallback', tool: 'read_api', detail: 'TESTOPS_LLM_OUTPUT_INVALID' }),
    );
  });

  it('fails the task clearly when the model answers garbage and no tool can run without it', async () => {
    const error = await failure(run(crew(), 'garbage', { product: 'compute' }));
    expect(error.code).toBe('TESTOPS_CREW_TASK_FAILED');
    expect(error.where).toBe('tasks.count');
    expect(error.message).toMatch(/task count \(analyst\) failed/);
    expect(error.hint).toMatch(/model gave no usable answer/);
  });

  it('runs a hierarchical process: the manager delegates to the crew and reports', async () => {
    const behavior = parseBehaviorYaml(`
process: hierarchical
manager_agent: lead
agents:
  lead: {role: Test lead, goal: Get the task done through the crew}
  analyst: {role: API analyst, goal: Know the API, tools: [read_api]}
tasks:
  count: {description: Count the operations, expected_output: The number}
`);
    const { result, steps } = await run(behavior, 'crew-hierarchical');
    expect(result.tasks[0]).toMatchObject({
      agent: 'lead',
      mode: 'model',
      output: { operations: 19, by: 'analyst' },
    });
    expect(actions(steps)).toEqual([
      ['lead', 'task-start', ''],
      ['lead', 'delegate', 'analyst'],
      ['analyst', 'tool-call', 'read_api'],
      ['analyst', 'tool-result', 'read_api'],
      ['analyst', 'answer', ''],
      ['lead', 'answer', ''],
      ['lead', 'task-end', ''],
    ]);
  });
});

describe('the crew runner’s traces', () => {
  const exporter = new InMemorySpanExporter();
  beforeAll(() => {
    trace.setGlobalTracerProvider(
      new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
    );
  });
  afterAll(() => {
    trace.disable();
  });

  it('have a span per task and per tool call, beside the model’s own', async () => {
    await run(crew(), 'crew-tool-loop');
    const names = exporter.getFinishedSpans().map((span) => span.name);
    expect(names).toEqual([
      'chat fixture-json-mode',
      'crew tool read_api',
      'chat fixture-json-mode',
      'crew task count',
    ]);
    const tool = exporter.getFinishedSpans().find((span) => span.name === 'crew tool read_api')!;
    expect(tool.attributes).toEqual({ 'testops.crew.task': 'count', 'testops.crew.tool': 'read_api' });
  });
});

describe('the crew runner without a model', () => {
  it('runs each task’s tool directly and passes outputs on as context', async () => {
    const behavior = parseBehaviorYaml(`
agents:
  analyst: {role: Analyst, goal: Read, tools: [read_api]}
  planner: {role: Planner, goal: Plan, tools: [generate_plan]}
tasks:
  read: {description: 'Read {spec}', expected_output: Operations, agent: analyst}
  plan: {description: Plan, expected_output: A plan, agent: planner}
`);
    const { result } = await run(behavior, undefined, { spec: SPEC });
    expect(result.tasks.map((task) => [task.task, task.mode])).toEqual([
      ['read', 'tool'],
      ['plan', 'tool'],
    ]);
    expect(result.output).toMatchObject({
      plan_file: expect.stringMatching(/^plan\/generate_plan-\d+\/TEST-PLAN\.md$/),
    });
  });

  it('fails a task that only a model could do, naming what is missing', async () => {
    const error = await failure(run(crew(), undefined, { product: 'compute' }));
    expect(error.message).toMatch(/task count \(analyst\) failed: no model is configured/);
  });
});
