import { join } from 'node:path';
import type { PipelineEvent } from '../../core/events.ts';
import { escapeRegExp } from '../../core/plain-text.ts';
import type { JobError } from './job.ts';

/** Rewrites server paths in a job's messages into the names its submitter knows. */
export type InputNamer = (text: string) => string;

/**
 * Inline inputs are written under the job's folder (see executors/inline-inputs.ts) and the
 * engine reports those paths; the submitter knows "inline spec", `requirements[3]`, and each
 * file's path as sent. Nothing under the data directory reaches a job's errors or events.
 */
export function inputNamer(options: {
  dataDir: string;
  jobId: string;
  input: Record<string, unknown>;
}): InputNamer {
  const workDir = join(options.dataDir, 'jobs', options.jobId);
  const inputDir = join(workDir, 'input');
  const starts = requirementStarts(options.input['requirements']);
  const rules: [RegExp, (...groups: string[]) => string][] = [
    [pattern(inputDir, '/openapi\\.(?:yaml|json)'), () => 'inline spec'],
    [pattern(inputDir, '/requirements\\.md(?::(\\d+)(?::\\d+)?)?'), (_, line) => requirementAt(starts, line)],
    [pattern(inputDir, '/defects\\.(?:json|csv)'), () => 'defects'],
    [pattern(inputDir, '/rules\\.yaml'), () => 'options.rules'],
    // Test files keep the relative path they were sent with.
    [pattern(inputDir, '/(?:tests|files)(/)?'), (_, slash) => (slash ? '' : 'files')],
    [pattern(join(workDir, 'output'), '(/)?'), (_, slash) => (slash ? '' : 'the artifacts')],
    [pattern(workDir, ''), () => 'the job'],
    [pattern(options.dataDir, ''), () => 'the service'],
  ];
  return (text) => rules.reduce((named, [regex, name]) => named.replace(regex, name), text);
}

function pattern(directory: string, rest: string): RegExp {
  return new RegExp(escapeRegExp(directory) + rest, 'g');
}

/** First line of each requirement in requirements.md: items are trimmed and joined by a blank line. */
function requirementStarts(requirements: unknown): number[] {
  if (!Array.isArray(requirements)) return [];
  const starts: number[] = [];
  let line = 1;
  for (const item of requirements) {
    starts.push(line);
    line += (typeof item === 'string' ? item.trim().split('\n').length : 1) + 1;
  }
  return starts;
}

function requirementAt(starts: number[], line: string | undefined): string {
  if (line === undefined) return 'requirements';
  const number = Number(line);
  let index = starts.length - 1;
  while (index > 0 && starts[index]! > number) index--;
  if (index < 0) return 'requirements';
  const within = number - starts[index]! + 1;
  return within > 1 ? `requirements[${index}] (line ${within})` : `requirements[${index}]`;
}

export function namedError(error: JobError, names: InputNamer): JobError {
  return {
    ...error,
    message: names(error.message),
    ...(error.where === undefined ? {} : { where: names(error.where) }),
  };
}

/** The engine's events carry the same paths in their free text. */
export function namedEvent(event: PipelineEvent, names: InputNamer): PipelineEvent {
  switch (event.type) {
    case 'stage-start':
    case 'stage-end':
      return event.detail === undefined ? event : { ...event, detail: names(event.detail) };
    case 'operation-skipped':
      return { ...event, reason: names(event.reason) };
    case 'log':
      return { ...event, message: names(event.message) };
    case 'model-fallback':
      return { ...event, message: names(event.message) };
    case 'crew-step':
      return event.step.detail === undefined
        ? event
        : { ...event, step: { ...event.step, detail: names(event.step.detail) } };
    case 'run-start':
    case 'run-end':
    case 'model-call':
      return event;
  }
}

/**
 * Every string of a job's result (summary, report, test documents): the engine records where it
 * read its sources, which for inline input is the job's own folder on this server.
 */
export function namedDeep<T>(value: T, names: InputNamer): T {
  if (typeof value === 'string') return names(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => namedDeep(item, names)) as T;
  // Plain records only: a Date or a Buffer is data, not a container of names.
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype)
    return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, namedDeep(item, names)])) as T;
}
