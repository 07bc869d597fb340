import { defectSeverity, isDefectOpen, type DefectRecord } from '../core/defect.ts';
import { words } from './similarity.ts';
import { operationKey, type Subject } from './subject-words.ts';

export interface DefectHit {
  record: DefectRecord;
  /** Severity × status × recency × specificity. */
  weight: number;
}

// Resolutions saying there was no defect: they tell nothing about where the next one is.
const NO_DEFECT =
  /^(won'?t (fix|do)|duplicate|cannot reproduce|can'?t reproduce|not a bug|invalid|works as designed|rejected)/i;
const DAY_MS = 86_400_000;
/** A defect naming what an operation does says more about it than one filed on its component. */
const SPECIFIC_FACTOR = 2;

/**
 * Which defects of the history are about a subject: a component naming it (its most specific
 * part: `Compute API / VMs` is about VMs), or a summary naming what its operations do
 * (`Attaching a disk…` is about `…/attach`), which weighs more for being specific.
 */
export class DefectRelevance {
  private readonly newest: number;
  private index: DefectIndex | undefined;

  constructor(private readonly records: readonly DefectRecord[]) {
    const dates = records
      .map((record) => Date.parse(record.created ?? ''))
      .filter((time) => !Number.isNaN(time));
    // Recency is measured from the newest defect, not the clock: the same input ranks the same.
    // A loop, not Math.max(...dates): spreading 200,000 dates overflows the stack.
    this.newest = dates.reduce(
      (newest, time) => (Number.isNaN(newest) || time > newest ? time : newest),
      Number.NaN,
    );
  }

  hits(subject: Subject): DefectHit[] {
    this.index ??= new DefectIndex(this.records);
    return this.index.candidates(subject).flatMap((record) => {
      const specific =
        subject.actions.some((phrase) => phrase.every((word) => summaryWords(record).has(word))) ||
        operationsNamed(record).some((key) => subject.operations.includes(key));
      const byComponent = record.components.some((component) => componentMatches(component, subject));
      if (!specific && !byComponent) return [];
      const weight =
        defectSeverity(record) *
        statusFactor(record) *
        this.recency(record) *
        (specific ? SPECIFIC_FACTOR : 1);
      return weight > 0 ? [{ record, weight }] : [];
    });
  }

  private recency(record: DefectRecord): number {
    const created = Date.parse(record.created ?? '');
    if (Number.isNaN(created) || Number.isNaN(this.newest)) return 1;
    const age = (this.newest - created) / DAY_MS;
    return age <= 90 ? 1 : age <= 365 ? 0.75 : 0.5;
  }
}

function componentMatches(component: string, subject: Subject): boolean {
  const componentWords = componentWordsOf(component);
  return componentWords.length > 0 && componentWords.every((word) => subject.words.has(word));
}

/** The words of a component's most specific part: `Compute API / VMs` → `vm`. */
function componentWordsOf(component: string): string[] {
  const specific = component
    .split(/[/›>:]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return words(specific ?? '');
}

function statusFactor(record: DefectRecord): number {
  if (isDefectOpen(record)) return 1;
  return NO_DEFECT.test((record.resolution ?? '').trim()) ? 0 : 0.5;
}

const NAMED_OPERATION = /\b(GET|POST|PUT|PATCH|DELETE)\s+(\/[^\s,;)]*)/gi;

/** Operations a summary names: "Deleted disk still listed in GET /api/v1/disks". */
function operationsNamed(record: DefectRecord): string[] {
  return [...record.summary.matchAll(NAMED_OPERATION)].map((match) => operationKey(match[1]!, match[2]!));
}

const summaryCache = new WeakMap<DefectRecord, Set<string>>();

function summaryWords(record: DefectRecord): Set<string> {
  let cached = summaryCache.get(record);
  if (!cached) {
    cached = new Set(words(record.summary));
    summaryCache.set(record, cached);
  }
  return cached;
}

/**
 * The defects that may be about a subject, in history order: those whose summary holds the
 * first word of one of its actions, that name one of its operations, or with a component whose
 * first word is one of its words. hits() still checks each in full; the index only spares it
 * the rest (every suggestion × every defect was O(n²) on a large history).
 */
class DefectIndex {
  private readonly bySummaryWord = new Map<string, number[]>();
  private readonly byOperation = new Map<string, number[]>();
  private readonly byComponentWord = new Map<string, number[]>();

  constructor(private readonly records: readonly DefectRecord[]) {
    records.forEach((record, position) => {
      for (const word of summaryWords(record)) add(this.bySummaryWord, word, position);
      for (const key of new Set(operationsNamed(record))) add(this.byOperation, key, position);
      for (const component of record.components) {
        const first = componentWordsOf(component)[0];
        if (first !== undefined) add(this.byComponentWord, first, position);
      }
    });
  }

  candidates(subject: Subject): readonly DefectRecord[] {
    // An empty action phrase is in every summary.
    if (subject.actions.some((phrase) => phrase.length === 0)) return this.records;
    const found = new Set<number>();
    const take = (positions: number[] | undefined) => positions?.forEach((position) => found.add(position));
    for (const phrase of subject.actions) take(this.bySummaryWord.get(phrase[0]!));
    for (const key of subject.operations) take(this.byOperation.get(key));
    for (const word of subject.words) take(this.byComponentWord.get(word));
    return [...found].sort((a, b) => a - b).map((position) => this.records[position]!);
  }
}

function add(index: Map<string, number[]>, key: string, position: number): void {
  const list = index.get(key);
  if (!list) index.set(key, [position]);
  else if (list.at(-1) !== position) list.push(position);
}
