// Python spellings of case data: string literals that survive any text (quotes, backslashes,
// newlines, Cyrillic), and ASCII identifiers for classes and modules. Cyrillic is
// transliterated so a Russian feature still gives a readable name.

const LATIN = 'a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e iu ia'.split(' ');
const CYRILLIC: Record<string, string> = Object.fromEntries(
  [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'].map((letter, index) => [letter, LATIN[index]!.replace('_', '')]),
);

function ascii(text: string): string {
  return [...text.toLowerCase()]
    .map((char) => CYRILLIC[char] ?? char)
    .join('')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A double-quoted Python string literal. */
export function pyString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

/** The body of a triple-quoted docstring: every quote escaped, so no text can close it early. */
export function pyDocstring(text: string, indent: string): string {
  const body = text.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const lines = body
    .split('\n')
    .map((line, index) => (index === 0 || line === '' ? line : `${indent}${line}`));
  return `${indent}"""${lines.join('\n')}${lines.length > 1 ? `\n${indent}` : ''}"""`;
}

/** `Создание диска` → `TestSozdanieDiska`; at most 60 characters after `Test`. */
export function className(text: string): string {
  const words = ascii(text).split(' ').filter(Boolean);
  const pascal = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  return `Test${pascal.slice(0, 60) || 'Cases'}`;
}

/** `Product configuration` → `product_configuration`. */
export function snakeName(text: string, maxLength = 60): string {
  const snake = ascii(text).replace(/ /g, '_').slice(0, maxLength).replace(/_+$/, '');
  return snake === '' ? 'cases' : /^\d/.test(snake) ? `n${snake}` : snake;
}

/**
 * Names made unique by a numeric suffix: `TestDisks`, `TestDisks2`. Each base remembers its
 * last suffix (names are never released), so a thousand stories named alike cost O(n), not O(n²).
 */
export class UniqueNames {
  private readonly taken = new Set<string>();
  private readonly lastSuffix = new Map<string, number>();

  constructor(private readonly join = '') {}

  take(base: string): string {
    let name = base;
    let n = this.lastSuffix.get(base) ?? 1;
    while (this.taken.has(name)) {
      n += 1;
      name = `${base}${this.join}${n}`;
      this.lastSuffix.set(base, n);
    }
    this.taken.add(name);
    return name;
  }
}
