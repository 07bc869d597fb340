import type { TriageFailure, TriageProblem } from '../core/triage.ts';

/** What a format reader found: the failures, and the entries it could not read. */
export interface ReadFailures {
  failures: TriageFailure[];
  problems: TriageProblem[];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `at file:line:col` lines of a stack, innermost first, without Node's and libraries' own. */
export function framesOf(stack: string): string[] {
  return stack
    .split('\n')
    .map((line) => /^\s*at (?:.*\()?(.+?:\d+:\d+)\)?\s*$/.exec(line)?.[1])
    .filter((frame): frame is string => frame !== undefined && !/node:|node_modules/.test(frame));
}
