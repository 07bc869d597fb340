// "by name within the selected category only": the last "<preposition> … only" phrase of a
// statement, as `/^.*\b((?:in|on|for|within|with|by)\s+[^.;,!]+?)\s+only\b/iu` finds it. That
// regex backtracks from the end and, at every preposition, scans ahead to the next punctuation:
// O(n²) on a long statement with many prepositions and no "only" (a 100 KB line took minutes).
// Here each preposition is checked against precomputed "only" and punctuation positions, and
// the regex runs once, anchored at the preposition it will match.

const PREPOSITION = /\b(?:in|on|for|within|with|by)\s/giu;
const ONLY = /(?<=\s)only\b/giu;
const PUNCTUATION = /[.;,!]/g;
const LINE_END = /[\n\r\u2028\u2029]/;
const AT_PREPOSITION = /\b((?:in|on|for|within|with|by)\s+[^.;,!]+?)\s+only\b/iuy;

/** `[0]` the text up to and including "only", `[1]` the scope phrase: the regex's own groups. */
export function trailingOnly(text: string): [string, string] | undefined {
  const onlys = positions(ONLY, text);
  if (onlys.length === 0) return undefined;
  const punctuation = positions(PUNCTUATION, text);
  const lineEnd = LINE_END.exec(text)?.index ?? text.length;
  // `^.*` cannot cross a line end, so the preposition starts on the first line.
  const prepositions = [...text.matchAll(PREPOSITION)].filter((match) => match.index <= lineEnd);
  for (const preposition of prepositions.reverse()) {
    const afterWord = preposition.index + preposition[0].length - 1;
    // A space, at least one character, then a space before "only", no punctuation in between.
    const only = onlys[firstAtOrAfter(onlys, afterWord + 3)];
    const stop = punctuation[firstAtOrAfter(punctuation, afterWord)] ?? Number.POSITIVE_INFINITY;
    if (only === undefined || only >= stop) continue;
    AT_PREPOSITION.lastIndex = preposition.index;
    const match = AT_PREPOSITION.exec(text);
    if (match) return [text.slice(0, match.index + match[0].length), match[1]!];
  }
  return undefined;
}

function positions(pattern: RegExp, text: string): number[] {
  return [...text.matchAll(pattern)].map((match) => match.index);
}

/** Index of the first value ≥ `value` in ascending `values` (binary search). */
function firstAtOrAfter(values: number[], value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
