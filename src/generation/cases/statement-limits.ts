// Numbers with limit words become boundary cases: "maximum 99 instances", "between 1 and 64
// vCPU", "not more than", "at least", "up to", "до 99", "от 1 до 64", "не менее 10 ГБ". A
// maximum without a written minimum gets 1 as its smallest sensible value.

export interface StatementLimit {
  min: number | undefined;
  max: number | undefined;
  /** True when `min` was not written but taken as 1. */
  impliedMin: boolean;
  /** What follows the number: `instances`, `GB per vCPU`, `ГБ на 1 vCPU`, or ''. */
  unit: string;
  /** What is limited: `Number of instances`; the unit when the sentence names nothing else. */
  subject: string;
  /** The subject was taken from the unit (`services`), not from the sentence. */
  subjectIsUnit: boolean;
}

const N = String.raw`(\d+(?:[.,]\d+)?)`;
const U = String.raw`(?:\s*((?:%|\p{L}[\p{L}\d]*)(?:\s+(?:per|на)\s+(?:1\s+)?\p{L}[\p{L}\d]*)?))?`;
const RANGE = [
  String.raw`(?:between|from)\s+${N}${U}\s+(?:and|to|up to|through)\s+${N}${U}`,
  String.raw`(?:от|с)\s+${N}${U}\s+(?:до|по)\s+${N}${U}`,
  String.raw`(?<![\d.,])${N}\s*(?:-|–|—|\.\.)\s*${N}${U}`,
].map((source) => new RegExp(source, 'giu'));
const MAX_WORDS = String.raw`maximum(?:\s+of)?|max\.?|at most|up to|no more than|not more than|exceed(?:s|ing)?|limited to(?:\s+a maximum of|\s+at most)?|a maximum of|≤|<=|до|не более(?:\s+чем)?|не больше(?:\s+чем)?|максимум|максимально|не превыша\p{L}*|превышать`;
const MIN_WORDS = String.raw`minimum(?:\s+of)?|min\.?|at least|no less than|not less than|not below|starting (?:at|from)|≥|>=|не менее(?:\s+чем)?|не меньше(?:\s+чем)?|минимум|как минимум|хотя бы|от`;
const MAX = new RegExp(String.raw`(?<!\p{L})(?:${MAX_WORDS})\s*${N}${U}`, 'giu');
const MIN = new RegExp(String.raw`(?<!\p{L})(?:${MIN_WORDS})\s*${N}${U}`, 'giu');
const POSTFIX_MAX = new RegExp(String.raw`${N}${U}\s+(?:max(?:imum)?|at most|максимум)(?!\p{L})`, 'giu');

const STOP_WORDS = new Set(
  'and or to in on at for the a an is are of be by with per и или до в во на по с со из для не'.split(' '),
);

interface Found {
  start: number;
  end: number;
  min?: number;
  max?: number;
  unit: string;
}

export function findLimits(text: string): StatementLimit[] {
  const found: Found[] = [];
  const take = (pattern: RegExp, build: (match: RegExpExecArray) => Omit<Found, 'start' | 'end'>) => {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => start < other.end && end > other.start)) continue;
      found.push({ start, end, ...build(match) });
    }
  };
  for (const range of RANGE)
    take(range, (m) => ({
      min: num(m[1]),
      max: num(m[m.length - 2]),
      unit: unitOf(m[m.length - 1] ?? m[2]),
    }));
  take(MAX, (m) => ({ max: num(m[1]), unit: unitOf(m[2]) }));
  take(POSTFIX_MAX, (m) => ({ max: num(m[1]), unit: unitOf(m[2]) }));
  take(MIN, (m) => ({ min: num(m[1]), unit: unitOf(m[2]) }));
  return merge(found.sort((a, b) => a.start - b.start)).map((limit) => describe(text, limit));
}

function num(text: string | undefined): number {
  return Number((text ?? '').replace(',', '.'));
}

function unitOf(word: string | undefined): string {
  if (!word || STOP_WORDS.has(word.toLowerCase())) return '';
  return word;
}

/** "at least 10 GB and not more than 4096 GB": a lone minimum and a lone maximum are one range. */
function merge(found: Found[]): Found[] {
  const merged: Found[] = [];
  for (const limit of found) {
    const partner = merged.find(
      (other) =>
        (other.min === undefined) !== (limit.min === undefined) &&
        (other.max === undefined) !== (limit.max === undefined) &&
        (other.unit === limit.unit || !other.unit || !limit.unit),
    );
    if (!partner) merged.push({ ...limit });
    else
      Object.assign(partner, {
        min: partner.min ?? limit.min,
        max: partner.max ?? limit.max,
        unit: partner.unit || limit.unit,
      });
  }
  return merged.filter(
    (limit) => limit.min === undefined || limit.max === undefined || limit.min <= limit.max,
  );
}

function describe(text: string, limit: Found): StatementLimit {
  const subject = subjectOf(text.slice(0, limit.start), limit.unit);
  const impliedMin =
    limit.min === undefined && limit.max !== undefined && limit.max >= 2 && Number.isInteger(limit.max);
  return {
    min: impliedMin ? 1 : limit.min,
    max: limit.max,
    impliedMin,
    unit: limit.unit,
    subject: subject ?? capitalise(limit.unit || (/[а-яё]/i.test(text) ? 'значение' : 'value')),
    subjectIsUnit: subject === undefined,
  };
}

const VERB =
  /\s(?:is|are|can|cannot|must|should|shall|may|will|has|have|—|–|-|должен|должна|должно|должны|может|могут|можно|нельзя|задаётся|задается|составляет|не)(?=\s)/iu;

/** The words before the verb: "The number of instances is limited to…" → "Number of instances". */
function subjectOf(before: string, unit: string): string | undefined {
  const verb = VERB.exec(` ${before}`);
  const head = (verb ? ` ${before}`.slice(0, verb.index) : before)
    .replace(/^\s*(?:the|a|an)\s+/i, '')
    .replace(/[\s:;,—–-]+$/, '')
    .trim();
  if (head === '' || /\d/.test(head) || head.split(/\s+/).length > 6) return undefined;
  // "Сравнивать можно от 2 до 3 сервисов": a verb is no subject; the counted unit is.
  if (unit !== '' && /^\p{L}+(?:ть|ться|ти)$/iu.test(head)) return undefined;
  return capitalise(head);
}

/** Capitalised unless the first word is mixed-case already (vCPU, iPhone). */
function capitalise(text: string): string {
  if (/^\p{Ll}+\p{Lu}/u.test(text)) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
