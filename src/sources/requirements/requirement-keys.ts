// Requirement keys written by people (`CALC-12:`, `[CALC-12]`, `CALC-12 —`, `(CALC-12)` at the
// end) are kept as ids, so cases link back to the tracker. Statements without one get `REQ-<n>`,
// skipping numbers a written key already uses.

const KEY = String.raw`[A-ZА-ЯЁ][A-ZА-ЯЁ0-9_]{0,15}-\d+(?:\.\d+)*`;
const LEADING_KEY = new RegExp(String.raw`^\[?(${KEY})\]?\s*(?:[:.)—–-]\s*|\s+)(.*)$`);
const TRAILING_KEY = new RegExp(String.raw`^(.*?)\s*[([](${KEY})[)\]]\.?$`);
const TAG_KEY = new RegExp(String.raw`^@(${KEY})$`);

/** Splits a key off the front or back of a statement; `key` is undefined when there is none. */
export function splitKey(text: string): { key: string | undefined; text: string } {
  const leading = LEADING_KEY.exec(text);
  if (leading && leading[2]!.trim() !== '') return { key: leading[1], text: leading[2]!.trim() };
  const trailing = TRAILING_KEY.exec(text);
  if (trailing && trailing[1]!.trim() !== '') return { key: trailing[2], text: trailing[1]!.trim() };
  return { key: undefined, text };
}

/** A Gherkin tag that is a tracker key: `@CALC-23`. */
export function keyOfTag(tag: string): string | undefined {
  return TAG_KEY.exec(tag)?.[1];
}

/** Hands out unique ids: given keys as written (a repeated key gets `.2`), others `REQ-<n>`. */
export class RequirementIds {
  /** Keys written anywhere in the document: generated ids must not take them. */
  private readonly reserved: Set<string>;
  private readonly assigned = new Set<string>();
  /** The last suffix a key was given: ids are never released, so smaller ones stay taken. */
  private readonly lastSuffix = new Map<string, number>();
  private next = 1;

  constructor(writtenKeys: Iterable<string> = []) {
    this.reserved = new Set(writtenKeys);
  }

  take(key: string | undefined): string {
    if (key === undefined) return this.generated();
    let id = key;
    let suffix = this.lastSuffix.get(key) ?? 1;
    while (this.assigned.has(id)) {
      suffix += 1;
      id = `${key}.${suffix}`;
      this.lastSuffix.set(key, suffix);
    }
    this.assigned.add(id);
    return id;
  }

  private generated(): string {
    while (this.reserved.has(`REQ-${this.next}`) || this.assigned.has(`REQ-${this.next}`)) this.next += 1;
    const id = `REQ-${this.next}`;
    this.assigned.add(id);
    return id;
  }
}

/** Every key written in a text, so generated ids never collide with one that appears later. */
export function keysIn(text: string): string[] {
  return [...text.matchAll(new RegExp(String.raw`(?<![\w-])(${KEY})(?![\w-])`, 'g'))].map(
    (match) => match[1]!,
  );
}

/** A table row as a statement: its key cell (if any) and its longest other cell. */
export function rowStatement(cells: string[]): string | undefined {
  const texts = cells.filter((cell) => cell !== '');
  const key = texts.find((cell) => splitKey(`${cell}: x`).key === cell);
  const longest = texts.filter((cell) => cell !== key).sort((a, b) => b.length - a.length)[0];
  if (!longest) return undefined;
  return key ? `${key}: ${longest}` : longest;
}
