import type { Conformance, RecordedExchange } from '../../core/run-report.ts';

/**
 * What a server that accepted a value of the wrong type did with it, read from the exchange:
 * - `converted`: it keeps (echoes) the value converted to the documented type (12345 → "12345"):
 *   type coercion, a framework's lenient reading of the contract, not invalid input kept;
 * - `kept-as-sent`: it keeps the wrong type itself (a number where text is documented);
 * - `changed`: it keeps something else than what was sent, converted or not;
 * - `unseen`: the answer does not show the field (no body, another shape).
 */
export type CoercionEvidence = 'converted' | 'kept-as-sent' | 'changed' | 'unseen';

export function coercionEvidence(exchange: RecordedExchange | undefined, field: string): CoercionEvidence {
  const path = field.split('.').filter(Boolean);
  const sent = valueAt(parse(exchange?.request.body), path);
  if (sent === undefined || !exchange?.response) return 'unseen';
  const answer = parse(exchange.response.body);
  const name = path.filter((token) => !/^\d+$/.test(token));
  const kept = [answer, ...envelopes(answer)]
    .map((candidate) => valueAt(candidate, name))
    .find((value) => value !== undefined);
  if (kept === undefined) return 'unseen';
  if (typeof kept === typeof sent && JSON.stringify(kept) === JSON.stringify(sent)) return 'kept-as-sent';
  const scalar = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  return scalar(sent) && scalar(kept) && String(kept) === String(sent) ? 'converted' : 'changed';
}

/** `{"author": {...}}`, `{"data": {...}}`, `[{...}]`: where one object may sit in an answer. */
function envelopes(answer: unknown): unknown[] {
  if (Array.isArray(answer)) return answer.slice(0, 1);
  if (answer === null || typeof answer !== 'object') return [];
  return Object.values(answer).filter((value) => value !== null && typeof value === 'object');
}

function valueAt(root: unknown, path: string[]): unknown {
  let current = root;
  for (const token of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

function parse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Under lenient conformance a value converted to the documented type and kept is the
 * framework's reading of the contract, not a finding: why the test is not delivered instead.
 * Under strict conformance it stays a contract deviation (see classify-failure.ts).
 */
export function toleratedCoercion(
  failed: { coercion?: CoercionEvidence },
  conformance: Conformance,
): string | undefined {
  return conformance === 'lenient' && failed.coercion === 'converted'
    ? 'the server converts a value of the wrong type to the documented type and keeps it (type coercion), accepted under --conformance lenient'
    : undefined;
}
