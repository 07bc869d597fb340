import type { ErrorObject } from 'ajv';
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import { TestopsError } from '../../../core/errors.ts';
import type { RuleSet } from './rule-types.ts';

/** A parsed rules file, kept to say where in it a problem is. */
export interface RulesFileText {
  path: string;
  document: Document;
  lines: LineCounter;
}

export const RULES_EXAMPLE = 'e.g. `rules: { naming-file: off, aaa-step-naming: error }`';

/**
 * Turns the first schema error of a rules file into a TestopsError a person can act on: the
 * file, line and column and JSON pointer; what was expected there; and a tip (the nearest rule
 * id for a typo, the default value for a parameter of the wrong type).
 */
export function schemaError(
  file: RulesFileText,
  error: ErrorObject | undefined,
  defaults: RuleSet,
): TestopsError {
  const segments = (error?.instancePath ?? '').split('/').slice(1).map(unescapePointer);
  if (error?.keyword === 'additionalProperties') {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {});
    const inRules = segments.length === 1 && segments[0] === 'rules';
    const suggestion = closestName(key, allowed);
    return invalidRulesFile(
      where(file, [...segments, key], true),
      `unknown ${inRules ? 'rule' : 'key'} "${key}"`,
      {
        expected: `one of: ${allowed.join(', ')}`,
        hint: suggestion
          ? `did you mean "${suggestion}"?`
          : `remove it; known ${inRules ? 'rule ids' : 'keys'} are listed above.`,
      },
    );
  }
  const subject = segments.length ? segments[segments.length - 1] : 'the file';
  return invalidRulesFile(where(file, segments), `${subject} ${error?.message ?? 'is invalid'}`, {
    expected: expectedOf(error),
    hint: hintFor(segments, defaults),
  });
}

export function invalidRulesFile(
  at: string,
  problem: string,
  details: { expected?: string; hint: string },
): TestopsError {
  return new TestopsError('TESTOPS_INVALID_ARGUMENT', `invalid rules file: ${problem}`, {
    where: at,
    ...details,
  });
}

/** `rules.yaml:7:14 (/rules/naming-file/severity)`; the last segment may name a key (an unknown id). */
export function where(file: RulesFileText, segments: string[], atKey = false): string {
  const at = locate(file, segments, atKey);
  const pointer = '/' + segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  return `${file.path}${at ? `:${at}` : ''} (${pointer})`;
}

function hintFor(segments: string[], defaults: RuleSet): string {
  if (segments[0] !== 'rules')
    return 'see default-rules.yaml (src/validation/standards/ruleset) for every key and its type.';
  if (segments[2] === 'parameters' && segments[3]) {
    const rule = defaults.rules.find((candidate) => candidate.id === segments[1]);
    const value = rule?.parameters[segments[3]];
    return `a parameter keeps the type of its default; the default of ${segments[3]} is ${JSON.stringify(value)}.`;
  }
  return `a rule takes off, error, warning, info, or { enabled, severity, appliesTo, parameters }; ${RULES_EXAMPLE}.`;
}

function expectedOf(error: ErrorObject | undefined): string | undefined {
  const params = (error?.params ?? {}) as {
    allowedValues?: unknown[];
    type?: string;
    allowedValue?: unknown;
  };
  if (error?.keyword === 'enum') return `one of: ${(params.allowedValues ?? []).join(', ')}`;
  if (error?.keyword === 'type') return `a value of type ${params.type === 'array' ? 'list' : params.type}`;
  if (error?.keyword === 'const') return JSON.stringify(params.allowedValue);
  return error?.message;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `line:column` of the node a JSON pointer leads to in the parsed YAML (or JSON) document. */
function locate(file: RulesFileText, segments: string[], atKey: boolean): string | undefined {
  let node: unknown = file.document.contents;
  let offset = rangeStart(node);
  for (const [index, segment] of segments.entries()) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment,
      );
      if (!pair) break;
      // Point at the key when the key itself is the problem (an unknown rule id).
      const last = index === segments.length - 1;
      offset =
        (atKey && last ? rangeStart(pair.key) : rangeStart(pair.value)) ?? rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
      offset = rangeStart(node) ?? offset;
    } else break;
  }
  if (offset === undefined) return undefined;
  const { line, col } = file.lines.linePos(offset);
  return `${line}:${col}`;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}

/** The known name nearest to a misspelt one (edit distance), when near enough to suggest. */
function closestName(name: string, known: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { name: candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(name.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
