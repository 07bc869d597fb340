import type { FastifyInstance } from 'fastify';
import { TestopsError } from '../../core/errors.ts';

/**
 * Refuses, before validation, what the database cannot store or recursion cannot walk: a NUL or a
 * lone surrogate in any string (PostgreSQL's jsonb rejects both) and nesting deeper than
 * `maxDepth` (JSON.stringify and every later walk overflow the stack on a 10,000-level body).
 */
export function registerBodyGuard(app: FastifyInstance, options: { maxDepth: number }): void {
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined || request.body === null) return;
    const problem = findBodyProblem(request.body, options.maxDepth);
    if (problem)
      throw new TestopsError('TESTOPS_INVALID_REQUEST', problem.message, { problems: [problem.detail] });
  });
}

export interface BodyProblem {
  detail: { where: string; problem: string };
  message: string;
}

/** The first string or nesting level the service cannot accept; walked without recursion. */
export function findBodyProblem(body: unknown, maxDepth: number): BodyProblem | undefined {
  const pending: { value: unknown; where: string; depth: number }[] = [
    { value: body, where: 'body', depth: 0 },
  ];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, where, depth } = next;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return textIssue(where, problem);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return tooDeep(where, maxDepth);
    // Pushed last to first, so problems are found in document order (requirements.0 before .1).
    for (const [key, child] of Object.entries(value).reverse()) {
      const keyProblem = textProblem(key);
      if (keyProblem) return textIssue(`${where} (a key)`, keyProblem);
      pending.push({ value: child, where: `${where}.${key}`, depth: depth + 1 });
    }
  }
  return undefined;
}

/** Half of a UTF-16 pair without its other half: no UTF-8 encoding exists for it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What makes a string unstorable, with the offset of the first offending character. */
function textProblem(text: string): string | undefined {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return `contains a NUL character (\\u0000) at offset ${nul}`;
  const lone = LONE_SURROGATE.exec(text);
  if (!lone) return undefined;
  return `contains a lone surrogate (\\u${text.charCodeAt(lone.index).toString(16)}) at offset ${lone.index}, which is not valid Unicode`;
}

function textIssue(where: string, problem: string): BodyProblem {
  return {
    detail: { where, problem },
    message: `${where}: ${problem}. Expected text without NUL characters, encoded as valid UTF-8. Tip: strip control characters from the text, or send binary content encoded (e.g. base64) in a text field.`,
  };
}

function tooDeep(where: string, maxDepth: number): BodyProblem {
  const shown = abbreviate(where);
  return {
    detail: { where: shown, problem: `nested deeper than ${maxDepth} levels` },
    message: `${shown}: the body is nested deeper than ${maxDepth} levels. Expected JSON nested at most ${maxDepth} levels deep. Tip: send an OpenAPI document as YAML/JSON text in openapi_spec, or by URL in openapi_url.`,
  };
}

/** A path 64 levels deep is unreadable: its first and last segments say where it is. */
function abbreviate(where: string, keep = 6): string {
  const segments = where.split('.');
  if (segments.length <= keep * 2 + 1) return where;
  return [
    ...segments.slice(0, keep),
    `…${segments.length - keep * 2} levels…`,
    ...segments.slice(-keep),
  ].join('.');
}
