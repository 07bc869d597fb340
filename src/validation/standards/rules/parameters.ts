import type { RuleDefinition } from '../ruleset/rule-types.ts';

/**
 * Typed reads of a rule's parameters. The rules file is validated against the types of the
 * defaults, so a parameter is always there with its default's type; the casts only restate that.
 */
export function listParameter(rule: RuleDefinition, name: string): string[] {
  return (rule.parameters[name] as string[] | undefined) ?? [];
}

export function textParameter(rule: RuleDefinition, name: string): string {
  return String(rule.parameters[name] ?? '');
}

export function numberParameter(rule: RuleDefinition, name: string): number {
  return Number(rule.parameters[name] ?? 0);
}

const compiled = new Map<string, RegExp>();

/** A regular-expression parameter, compiled once per process. */
export function patternParameter(rule: RuleDefinition, name: string, flags = 'u'): RegExp {
  return compiledPattern(textParameter(rule, name), flags);
}

export function patternListParameter(rule: RuleDefinition, name: string, flags = 'u'): RegExp[] {
  return listParameter(rule, name).map((pattern) => compiledPattern(pattern, flags));
}

function compiledPattern(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let pattern = compiled.get(key);
  if (!pattern) {
    pattern = new RegExp(source, flags);
    compiled.set(key, pattern);
  }
  return pattern;
}

const matchers = new Map<string, (callee: string) => boolean>();

/**
 * `subprocess.*`, `*.goto`, `os.exec*`: dotted call patterns where `*` matches anything. Answers
 * are cached per callee: a suite repeats the same few callees thousands of times.
 */
export function callMatcher(globs: string[]): (callee: string) => boolean {
  const key = globs.join('\n');
  let matcher = matchers.get(key);
  if (!matcher) {
    const pattern = new RegExp(`^(?:${globs.map(globSource).join('|') || '(?!)'})$`, 'u');
    const answers = new Map<string, boolean>();
    matcher = (callee) => {
      let answer = answers.get(callee);
      if (answer === undefined) {
        answer = pattern.test(callee);
        // Bounded, for a long-running service that checks many suites.
        if (answers.size > 50_000) answers.clear();
        answers.set(callee, answer);
      }
      return answer;
    };
    matchers.set(key, matcher);
  }
  return matcher;
}

function globSource(glob: string): string {
  return glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
}
