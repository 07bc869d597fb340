import { isDataExpression, type DataValue } from '../core/existing-test.ts';

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const TIMESTAMP = /\b\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?\b/gi;
/** A run-unique suffix: `disk-1700000000`, `vm_5f3e9a1c`, `test-20240101`. */
const GENERATED_PART = /(?<=[-_ ]|^)(?=[0-9a-z]*\d)[0-9a-f]{8,}(?=[-_ ]|$)|(?<=[-_ ]|^)\d{6,}(?=[-_ ]|$)/gi;

/**
 * A literal with what changes from run to run replaced: uuids, timestamps and random suffixes
 * of generated names. Everything else (boundaries, invalid values) is kept as is: it is what
 * tells one negative test from another.
 */
export function normaliseLiteral(text: string): string {
  return text.replace(UUID, '<uuid>').replace(TIMESTAMP, '<time>').replace(GENERATED_PART, '<id>');
}

/** Step texts and titles: case, whitespace and quote style do not matter, generated names neither. */
export function normaliseText(text: string | undefined): string {
  return normaliseLiteral(text ?? '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d\u00ab\u00bb`']/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/[\s.;:,]+$/, '')
    .trim();
}

/**
 * A data value in one canonical spelling: keys sorted, literals normalised, and code the same in
 * both languages (`randomUuid()` = `random_uuid()`, `'x'` = `"x"`).
 */
export function canonicalValue(value: DataValue | undefined): string {
  if (value === undefined) return '';
  if (value === null || typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(normaliseLiteral(value));
  if (Array.isArray(value)) return `[${value.map(canonicalValue).join(',')}]`;
  if (isDataExpression(value)) return `<${canonicalCode(value.$expr)}>`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${key}:${canonicalValue(value[key])}`).join(',')}}`;
}

/** Code outside string literals lower-cased without underscores; literals normalised. */
export function canonicalCode(code: string): string {
  return code.replace(/("(?:[^"\\]|\\.)*")|([^"]+)/g, (_match, literal: string | undefined, rest: string) =>
    literal !== undefined
      ? normaliseLiteral(literal)
      : rest.replace(/_/g, '').toLowerCase().replace(/\s+/g, ''),
  );
}

/** `/api/v1/disks/{disk_id}/` → `/api/v1/disks/{}`: parameter names do not change the operation. */
export function pathTemplate(path: string): string {
  return (
    path
      .replace(/\{[^}]*\}/g, '{}')
      .replace(/\/+$/, '')
      .toLowerCase() || '/'
  );
}

const QUOTED = /["\u201c\u00ab]([^"\u201d\u00bb]+)["\u201d\u00bb]/g;

/** Numbers and quoted values in a text: the inputs a manual step names. */
export function literalsOf(text: string): string[] {
  // Single quotes are left out: apostrophes ("don't") would open quotes that never close.
  const quoted = [...text.matchAll(QUOTED)].map((match) => normaliseText(match[1]));
  const numbers = text.replace(QUOTED, ' ').match(/-?\d+(?:[.,]\d+)?/g);
  return [...quoted, ...(numbers ?? [])].sort();
}
