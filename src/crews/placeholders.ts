import { TestopsError } from '../core/errors.ts';
import type { Behavior } from './behavior.ts';

// CrewAI's interpolation: `{name}` in an agent's role, goal and backstory and in a task's
// description and expected output. Only identifier-shaped names count, so JSON in prose stays.
const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Names every `{placeholder}` of the behaviour uses, with where each first appears. */
export function placeholdersOf(behavior: Behavior): Map<string, string> {
  const found = new Map<string, string>();
  const scan = (text: string | undefined, where: string) => {
    for (const match of text?.matchAll(PLACEHOLDER) ?? [])
      if (!found.has(match[1]!)) found.set(match[1]!, where);
  };
  for (const agent of behavior.agents)
    for (const field of ['role', 'goal', 'backstory'] as const)
      scan(agent[field], `agents.${agent.key}.${field}`);
  for (const task of behavior.tasks)
    for (const field of ['description', 'expected_output'] as const)
      scan(task[field], `tasks.${task.key}.${field}`);
  return found;
}

/**
 * The behaviour with its placeholders filled from the run's inputs over the file's own
 * `inputs:` defaults. A placeholder no input provides is an error naming it and where it is used.
 */
export function fillPlaceholders(behavior: Behavior, given: Record<string, string>): Behavior {
  const inputs = { ...behavior.inputs, ...given };
  const missing = [...placeholdersOf(behavior)].filter(([name]) => !Object.hasOwn(inputs, name));
  if (missing.length > 0) {
    const names = missing.map(([name]) => name);
    throw new TestopsError('TESTOPS_CREW_INPUT_MISSING', `no input for {${names.join('}, {')}}`, {
      where: missing[0]![1],
      expected: `a value for each: ${names.map((name) => `--input ${name}=…`).join(' ')}`,
      hint: 'give it with `--input name=value` (CLI) or `"inputs": {"name": "value"}` (HTTP), or add it under `inputs:` in the behaviour.',
    });
  }
  const fill = <T extends string | undefined>(text: T): T =>
    (text === undefined ? text : text.replace(PLACEHOLDER, (_, name: string) => inputs[name]!)) as T;
  return {
    ...behavior,
    inputs,
    agents: behavior.agents.map((agent) => ({
      ...agent,
      role: fill(agent.role),
      goal: fill(agent.goal),
      backstory: fill(agent.backstory),
    })),
    tasks: behavior.tasks.map((task) => ({
      ...task,
      description: fill(task.description),
      expected_output: fill(task.expected_output),
    })),
  };
}
