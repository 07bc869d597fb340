import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { TestopsError } from '../../src/core/errors.ts';
import { DEFAULT_CREW_FILE, readBehaviorFile } from '../../src/crews/behavior-file.ts';
import { behaviorJsonSchema } from '../../src/crews/behavior-schema.ts';
import { parseBehaviorYaml } from '../../src/crews/behavior-yaml.ts';
import { ENGINE_TOOLS } from '../../src/crews/engine-tools.ts';
import { fillPlaceholders } from '../../src/crews/placeholders.ts';
import { ENGINE_TOOL_NAMES } from '../../src/crews/tool-names.ts';

const MAPPING = `
agents:
  researcher:
    role: Researcher of {topic}
    goal: Understand {topic}
    tools: [read_api]
  writer:
    role: Writer
    goal: Write it up
tasks:
  first:
    description: Look into {topic}
    expected_output: Notes
    agent: researcher
  second:
    description: Summarise
    expected_output: A summary
    agent: writer
  third:
    description: Only the first
    expected_output: Text
    agent: writer
    context: [first]
  fourth:
    description: Alone
    expected_output: Text
    agent: Researcher of {topic}
    context: []
`;

// The chat service's form, as its README shows it: lists, agents named by role, free-text context.
const SEED_LIST = `
tasks:
  - description: "Search arXiv"
    expected_output: "Top 5 paper titles"
    context: ["Focus on GPT-4"]
    agent: "researcher"
agents:
  - role: "researcher"
    goal: "Understand GPT-4 applications"
    backstory: "PhD in ML"
    tools: ["read_api"]
    allow_delegation: false
`;

function failure(text: string): TestopsError {
  try {
    parseBehaviorYaml(text, 'crew.yaml');
  } catch (error) {
    if (error instanceof TestopsError) return error;
    throw error;
  }
  throw new Error('expected the behaviour to be refused');
}

describe('behaviour YAML', () => {
  it('reads the mapping form and applies CrewAI’s context rule exactly', () => {
    const behavior = parseBehaviorYaml(MAPPING);
    expect(behavior.agents.map((agent) => agent.key)).toEqual(['researcher', 'writer']);
    expect(behavior.agents[0]).toMatchObject({ allow_delegation: false, max_iter: 8, tools: ['read_api'] });
    const context = Object.fromEntries(behavior.tasks.map((task) => [task.key, task.contextTasks]));
    expect(context).toEqual({
      first: [],
      second: ['first'],
      third: ['first'],
      fourth: [],
    });
    // No context → every earlier task, in order.
    const more = parseBehaviorYaml(MAPPING.replace('    context: []\n', ''));
    expect(more.tasks[3]!.contextTasks).toEqual(['first', 'second', 'third']);
    // An agent may be named by its role.
    expect(behavior.tasks[3]!.agent).toBe('researcher');
  });

  it('reads the seed’s list form: agents by role, context lines naming no task kept as notes', () => {
    const behavior = parseBehaviorYaml(SEED_LIST);
    expect(behavior.agents[0]!.key).toBe('researcher');
    expect(behavior.tasks[0]).toMatchObject({
      key: 'task_1',
      agent: 'researcher',
      contextTasks: [],
      notes: ['Focus on GPT-4'],
    });
  });

  it('fills placeholders from inputs over the file’s defaults, and names a missing one', () => {
    const behavior = parseBehaviorYaml(MAPPING);
    const filled = fillPlaceholders(behavior, { topic: 'flavors' });
    expect(filled.agents[0]!.role).toBe('Researcher of flavors');
    expect(filled.tasks[0]!.description).toBe('Look into flavors');
    expect(() => fillPlaceholders(behavior, {})).toThrowError(
      /^agents\.researcher\.role: no input for \{topic\}[\s\S]*--input topic=/,
    );
    const withDefault = parseBehaviorYaml(`inputs:\n  topic: disks\n${MAPPING}`);
    expect(fillPlaceholders(withDefault, {}).tasks[0]!.description).toBe('Look into disks');
    // JSON in prose is not a placeholder.
    const prose = parseBehaviorYaml(MAPPING.replace('Look into {topic}', `'Send {"a": 1} about {topic}'`));
    expect(fillPlaceholders(prose, { topic: 'x' }).tasks[0]!.description).toBe('Send {"a": 1} about x');
  });

  it('names line and column of a YAML syntax error', () => {
    const error = failure('agents:\n  a: [unclosed\n');
    expect(error.code).toBe('TESTOPS_BEHAVIOR_INVALID');
    expect(error.where).toMatch(/^crew\.yaml:\d+:\d+$/);
  });

  it('names line and column of schema and reference problems, each of them', () => {
    const text = MAPPING.replace(
      '    agent: writer\n    context: [first]',
      '    agent: editor\n    context: [fourth]',
    ).replace('    tools: [read_api]', '    tools: [read_api, browse]\n    max_iters: 3');
    const error = failure(text);
    const problems = error.problems!.map((problem) => `${problem.where} ${problem.problem}`);
    expect(problems).toEqual([
      expect.stringMatching(/^crew\.yaml:7:5 \(\/agents\/researcher\/max_iters\) unknown key "max_iters"$/),
    ]);
    const references = failure(
      MAPPING.replace(
        '    agent: writer\n    context: [first]',
        '    agent: editor\n    context: [fourth]',
      ).replace('[read_api]', '[read_api, browse]'),
    );
    expect(references.problems!.map((problem) => `${problem.where} ${problem.problem}`)).toEqual([
      expect.stringMatching(/^crew\.yaml:22:12 \(\/tasks\/third\/agent\) names no agent: "editor"/),
      expect.stringMatching(
        /^crew\.yaml:23:15 \(\/tasks\/third\/context\/0\) "fourth" is not an earlier task/,
      ),
      expect.stringMatching(/^crew\.yaml:6:23 \(\/agents\/researcher\/tools\/1\) no tool is named "browse"/),
    ]);
  });

  it('refuses a wrong type in the list form at its position, and aliases', () => {
    const error = failure(SEED_LIST.replace('allow_delegation: false', 'allow_delegation: sometimes'));
    expect(error.problems![0]!.where).toBe('crew.yaml:12:23 (/agents/0/allow_delegation)');
    expect(failure('a: &x [1]\nb: *x\n').problems![0]!.problem).toMatch(/alias/i);
  });

  it('has one JSON Schema, for both forms', () => {
    const schema = behaviorJsonSchema();
    expect(schema).toMatchObject({ type: 'object', required: expect.arrayContaining(['agents', 'tasks']) });
    const agents = (schema['properties'] as Record<string, { anyOf: { type: string }[] }>)['agents']!;
    expect(agents.anyOf.map((option) => option.type).sort()).toEqual(['array', 'object']);
  });

  it('ships a default crew that is valid and names only engine tools', async () => {
    const { behavior } = await readBehaviorFile(DEFAULT_CREW_FILE);
    expect(behavior.agents.map((agent) => agent.role)).toEqual([
      'Reconnaissance',
      'Generator',
      'Validator',
      'Optimizer',
      'TestPlanGenerator',
    ]);
    expect([...ENGINE_TOOLS.keys()]).toEqual(ENGINE_TOOL_NAMES);
    expect(await readFile(DEFAULT_CREW_FILE, 'utf8')).toContain('{spec}');
  });
});
