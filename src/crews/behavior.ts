import type { AgentSpec, BehaviorFile, TaskSpec } from './behavior-schema.ts';
import { compileOutputSchema } from './output-check.ts';
import { ENGINE_TOOL_NAMES } from './tool-names.ts';

/** An agent with the key tasks name it by. */
export interface Agent extends AgentSpec {
  key: string;
}

/**
 * A task resolved against the crew: `agent` is an agent key (or undefined: the manager picks),
 * and `contextTasks` applies CrewAI's rule — no `context` means every earlier task's output,
 * a list means those tasks, `[]` means none. `notes` keeps list-form context lines that name no
 * task (the seed wrote free text there).
 */
export interface Task extends Omit<TaskSpec, 'agent' | 'context'> {
  key: string;
  agent: string | undefined;
  contextTasks: string[];
  notes: string[];
}

/** A behaviour, resolved and checked: what the crew runner executes. */
export interface Behavior {
  name: string | undefined;
  description: string | undefined;
  process: 'sequential' | 'hierarchical';
  manager: string | undefined;
  inputs: Record<string, string>;
  agents: Agent[];
  tasks: Task[];
}

/** A problem of a behaviour that the schema alone cannot see, at a path inside the file. */
export interface BehaviorIssue {
  path: (string | number)[];
  message: string;
  /** The problem is the key itself (points the position at the key, not the value). */
  atKey?: boolean;
}

export type Resolved = { behavior: Behavior; issues: [] } | { behavior: undefined; issues: BehaviorIssue[] };

/** Names, references and the context rule: every cross-reference is checked here. */
export function resolveBehavior(file: BehaviorFile): Resolved {
  const issues: BehaviorIssue[] = [];
  const agentEntries = entriesOf(file.agents, (agent) => agent.name ?? agent.role);
  const agents = agentEntries.map(({ key, value }) => ({ ...value, key }));
  duplicates(agentEntries, 'agents', 'agent', issues);
  const taskEntries = entriesOf(file.tasks, (task, index) => task.name ?? `task_${index + 1}`);
  duplicates(taskEntries, 'tasks', 'task', issues);
  const listForm = Array.isArray(file.tasks);
  const tasks = taskEntries.map(({ key, value, at }, index) => {
    const earlier = taskEntries.slice(0, index).map((entry) => entry.key);
    const agent = value.agent === undefined ? undefined : agentKey(agents, value.agent);
    if (value.agent !== undefined && agent === undefined)
      issues.push({
        path: ['tasks', at, 'agent'],
        message: `names no agent: "${value.agent}" (agents: ${agents.map((a) => a.key).join(', ')})`,
      });
    if (value.agent === undefined && file.process === 'sequential')
      issues.push({ path: ['tasks', at], message: 'needs an agent in a sequential process' });
    const context = contextOf(
      value.context,
      earlier,
      taskEntries,
      listForm,
      ['tasks', at, 'context'],
      issues,
    );
    const { agent: _agent, context: _context, ...rest } = value;
    return { ...rest, key, agent, contextTasks: context.tasks, notes: context.notes } satisfies Task;
  });
  const manager = managerOf(file, agents, issues);
  for (const entry of agentEntries) toolIssues(entry.value.tools, ['agents', entry.at, 'tools'], issues);
  for (const entry of taskEntries) {
    toolIssues(entry.value.tools ?? [], ['tasks', entry.at, 'tools'], issues);
    schemaIssue(entry.value.output_schema, ['tasks', entry.at, 'output_schema'], issues);
  }
  for (const [index, agent] of agents.entries())
    if (agent.allow_delegation && agents.length < 2)
      issues.push({
        path: ['agents', agentEntries[index]!.at, 'allow_delegation'],
        message: 'delegation needs a coworker: the crew has one agent',
      });
  if (issues.length > 0) return { behavior: undefined, issues };
  return {
    behavior: {
      name: file.name,
      description: file.description,
      process: file.process,
      manager,
      inputs: file.inputs ?? {},
      agents,
      tasks,
    },
    issues: [],
  };
}

function entriesOf<T>(
  items: Record<string, T> | T[],
  keyOf: (item: T, index: number) => string,
): { key: string; value: T; at: string | number }[] {
  if (Array.isArray(items))
    return items.map((value, index) => ({ key: keyOf(value, index), value, at: index }));
  return Object.entries(items).map(([key, value]) => ({ key, value, at: key }));
}

function duplicates(
  entries: { key: string; at: string | number }[],
  section: string,
  what: string,
  issues: BehaviorIssue[],
): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.key))
      issues.push({
        path: [section, entry.at],
        message: `a second ${what} named "${entry.key}"; give each a distinct name`,
      });
    seen.add(entry.key);
  }
}

/** By key first, then by role (the list form names agents by role), case-insensitively. */
export function agentKey(agents: Agent[], reference: string): string | undefined {
  const wanted = reference.trim().toLowerCase();
  return (
    agents.find((agent) => agent.key.toLowerCase() === wanted) ??
    agents.find((agent) => agent.role.toLowerCase() === wanted)
  )?.key;
}

function contextOf(
  context: string[] | undefined,
  earlier: string[],
  all: { key: string }[],
  listForm: boolean,
  path: (string | number)[],
  issues: BehaviorIssue[],
): { tasks: string[]; notes: string[] } {
  if (context === undefined) return { tasks: earlier, notes: [] };
  const tasks: string[] = [];
  const notes: string[] = [];
  for (const [index, entry] of context.entries()) {
    if (earlier.includes(entry)) tasks.push(entry);
    else if (all.some((task) => task.key === entry))
      issues.push({
        path: [...path, index],
        message: `"${entry}" is not an earlier task: a task reads only outputs of tasks before it`,
      });
    else if (listForm) notes.push(entry);
    else
      issues.push({
        path: [...path, index],
        message: `names no task: "${entry}" (earlier tasks: ${earlier.join(', ') || 'none'})`,
      });
  }
  return { tasks, notes };
}

function managerOf(file: BehaviorFile, agents: Agent[], issues: BehaviorIssue[]): string | undefined {
  if (file.manager_agent === undefined) {
    if (file.process === 'hierarchical')
      issues.push({ path: ['process'], message: 'a hierarchical process needs `manager_agent`' });
    return undefined;
  }
  const key = agentKey(agents, file.manager_agent);
  if (key === undefined)
    issues.push({ path: ['manager_agent'], message: `names no agent: "${file.manager_agent}"` });
  if (file.process !== 'hierarchical')
    issues.push({ path: ['manager_agent'], message: 'is used only with `process: hierarchical`' });
  return key;
}

function toolIssues(tools: string[], path: (string | number)[], issues: BehaviorIssue[]): void {
  for (const [index, tool] of tools.entries())
    if (!ENGINE_TOOL_NAMES.includes(tool))
      issues.push({
        path: [...path, index],
        message: `no tool is named "${tool}" (tools: ${ENGINE_TOOL_NAMES.join(', ')})`,
      });
}

function schemaIssue(
  schema: Record<string, unknown> | undefined,
  path: (string | number)[],
  issues: BehaviorIssue[],
): void {
  try {
    compileOutputSchema(schema);
  } catch (error) {
    issues.push({ path, message: `is not a usable JSON Schema: ${(error as Error).message.split('\n')[0]}` });
  }
}
