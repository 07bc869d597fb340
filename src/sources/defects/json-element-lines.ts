/**
 * The line on which each element of an array starts in JSON text: the top-level array, or the
 * array under a top-level key (`issues`). JSON.parse keeps no positions, and a bad issue is
 * best reported where it is in the file.
 */
export function arrayElementLines(text: string, key: string | undefined): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let lastString = '';
  let stringStart = 0;
  let arrayDepth: number | undefined;
  let done = false;
  let expectElement = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') {
        inString = false;
        lastString = text.slice(stringStart, index);
      }
      continue;
    }
    if (/\s/.test(char)) continue;
    if (expectElement && char !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (char === '"') {
      inString = true;
      stringStart = index + 1;
    } else if (char === '{' || char === '[') {
      depth++;
      const isTarget = char === '[' && arrayDepth === undefined && !done;
      if (isTarget && (key === undefined ? depth === 1 : depth === 2 && lastString === key)) {
        arrayDepth = depth;
        expectElement = true;
      }
    } else if (char === '}' || char === ']') {
      if (depth === arrayDepth) {
        // Closed: later arrays (nested or not) are not the one asked for.
        arrayDepth = undefined;
        done = true;
      }
      depth--;
    } else if (char === ',' && depth === arrayDepth) expectElement = true;
  }
  return lines;
}
