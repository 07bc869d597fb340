/** Python source for JSON-like values, wrapped over several lines when they are long. */

/** A Python string literal. JSON's escapes are all valid Python escapes. */
export function pyString(text: string): string {
  // Editors treat the Unicode line separators as line breaks; escaped, the source stays one line.
  return JSON.stringify(text)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A literal for a value read from the spec: what JSON.stringify would send, written in Python. */
export function pyLiteral(value: unknown, indent = ''): string {
  if (value === undefined || value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  // NaN and Infinity travel as null in JSON, so that is what the Python suite sends too.
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'None';
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value))
    return pyWrap(
      '[',
      value.map((item) => pyLiteral(item, indent + '    ')),
      ']',
      indent,
    );
  if (typeof value === 'object') {
    // JSON.stringify drops undefined members; so does the literal.
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return pyWrap(
      '{',
      entries.map(([key, item]) => `${pyString(key)}: ${pyLiteral(item, indent + '    ')}`),
      '}',
      indent,
    );
  }
  return pyString(String(value));
}

/** `[a, b]` on one line when short, else one part per line with a trailing comma. */
export function pyWrap(open: string, parts: string[], close: string, indent: string): string {
  if (parts.length === 0) return `${open}${close}`;
  const inline = `${open}${parts.join(', ')}${close}`;
  if (inline.length <= 90 && !inline.includes('\n')) return inline;
  return `${open}\n${parts.map((part) => `${indent}    ${part},`).join('\n')}\n${indent}${close}`;
}

/** Indents every non-empty line; rendered strings never span lines, so this is always safe. */
export function indentLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n');
}
