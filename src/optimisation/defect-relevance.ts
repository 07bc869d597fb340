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
    return this.records.flatMap((record) => {
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
  const specific = component
    .split(/[/›>:]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  const componentWords = words(specific ?? '');
  return componentWords.length > 0 && componentWords.every((word) => subject.words.has(word));
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
