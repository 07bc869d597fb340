import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { TestopsError, type ErrorProblem } from '../core/errors.ts';
import { resolveBehavior, type Behavior, type BehaviorIssue } from './behavior.ts';
import { behaviorFileSchema } from './behavior-schema.ts';

/** Largest behaviour text read: crews are a few kilobytes; this bounds a hostile one. */
export const MAX_BEHAVIOR_BYTES = 256 * 1024;

const HINT = 'see GET /api/v1/behavior/schema (or `testops crew schema`) for every key.';

/**
 * Reads a behaviour YAML into a checked `Behavior`. Anything wrong is a TESTOPS_BEHAVIOR_INVALID
 * error whose problems each say `source:line:column (/json/pointer)` and what is wrong there.
 */
export function parseBehaviorYaml(text: string, source = 'behavior.yaml'): Behavior {
  if (Buffer.byteLength(text, 'utf8') > MAX_BEHAVIOR_BYTES)
    throw invalid(source, [{ where: source, problem: `larger than ${MAX_BEHAVIOR_BYTES} bytes` }]);
  const lines = new LineCounter();
  // Aliases are refused outright: a behaviour needs none, and expansions are a denial of service.
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = document.errors[0];
  if (syntax) {
    const { line, col } = lines.linePos(syntax.pos[0]);
    throw invalid(source, [
      { where: `${source}:${line}:${col}`, problem: `not valid YAML: ${syntax.message.split('\n')[0]}` },
    ]);
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 0 }) ?? {};
  } catch (error) {
    throw invalid(source, [{ where: source, problem: `YAML aliases are not allowed (${String(error)})` }]);
  }
  const parsed = behaviorFileSchema.safeParse(data);
  const at = (issue: BehaviorIssue) => ({
    where: where({ source, document, lines }, issue.path, issue.atKey),
    problem: issue.message,
  });
  if (!parsed.success) throw invalid(source, parsed.error.issues.slice(0, 20).flatMap(schemaIssues).map(at));
  const resolved = resolveBehavior(parsed.data);
  if (!resolved.behavior) throw invalid(source, resolved.issues.map(at));
  return resolved.behavior;
}

function schemaIssues(issue: z.core.$ZodIssue): BehaviorIssue[] {
  const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({
      path: [...path, key],
      message: `unknown key "${key}"`,
      atKey: true,
    }));
  if (issue.code === 'invalid_union') {
    // The mapping and list forms both failed: report the form the text is written in (the one
    // whose problems lie inside the value rather than at its type).
    const written = issue.errors.find((errors) => errors.length > 0 && errors[0]!.path.length > 0);
    if (written)
      return written.flatMap((inner) => schemaIssues({ ...inner, path: [...path, ...inner.path] }));
    return [{ path, message: 'expected a mapping of name → entry, or a list of entries' }];
  }
  return [{ path, message: issue.message }];
}

function invalid(source: string, problems: ErrorProblem[]): TestopsError {
  const [first, ...others] = problems;
  // Every problem is shown, the first as the error's place, the others on lines of their own.
  const more = others.map((problem) => `\n  also ${problem.where}: ${problem.problem}`).join('');
  return new TestopsError('TESTOPS_BEHAVIOR_INVALID', `invalid behaviour: ${first!.problem}${more}`, {
    where: first!.where,
    expected: 'a crew in CrewAI’s vocabulary: agents, tasks, process',
    hint: HINT,
    problems,
  });
}

interface Located {
  source: string;
  document: Document;
  lines: LineCounter;
}

/** `source:line:column (/pointer)` of the node at `path` (its key when `atKey`, or the nearest parent). */
function where(file: Located, path: (string | number)[], atKey = false): string {
  let node: unknown = file.document.contents;
  let offset = start(node);
  for (const [index, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (!pair) break;
      const last = index === path.length - 1;
      offset = (atKey && last ? start(pair.key) : start(pair.value)) ?? start(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
      offset = start(node) ?? offset;
    } else break;
  }
  const pointer =
    '/' + path.map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
  if (offset === undefined) return `${file.source} (${pointer})`;
  const { line, col } = file.lines.linePos(offset);
  return `${file.source}:${line}:${col} (${pointer})`;
}

function start(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
