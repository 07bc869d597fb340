/** The outcome of reading model text as JSON: never throws, keeps what went wrong. */
export type JsonText = { ok: true; value: unknown } | { ok: false; problem: string };

const FENCE = /```[\w-]*\s*\n?([\s\S]*?)\n?\s*```/;

/**
 * Models wrap JSON in Markdown fences or add a sentence around it even in JSON mode: take the
 * fenced block if there is one, else the span from the first `{`/`[` to the last `}`/`]`.
 */
export function jsonCandidate(text: string): string {
  const fenced = FENCE.exec(text);
  if (fenced) return fenced[1]!.trim();
  const trimmed = text.trim();
  const start = trimmed.search(/[[{]/);
  const end = Math.max(trimmed.lastIndexOf('}'), trimmed.lastIndexOf(']'));
  return start >= 0 && end > start ? trimmed.slice(start, end + 1) : trimmed;
}

export function parseJsonText(text: string): JsonText {
  const candidate = jsonCandidate(text);
  if (candidate === '') return { ok: false, problem: 'the answer is empty' };
  try {
    return { ok: true, value: JSON.parse(candidate) as unknown };
  } catch (error) {
    return { ok: false, problem: `the answer is not JSON: ${(error as Error).message}` };
  }
}
