import type { CasePriority, ManualCase } from '../../core/manual-case.ts';
import { compareTitles } from './title-similarity.ts';
import type { SignalSubject } from './impact-signals.ts';

/** One existing automated test as the planner compares it; built from the existing-tests reader. */
export interface AutomatedTestFact {
  id: string;
  title: string;
  file: string;
  /** `GET /api/v1/vms` with the status it expects, when the test shows it. */
  operations: { operation: string; status: number | undefined }[];
  /** Case ids, requirement or issue keys it names (`REQ-3`, `CALC-12`). */
  references: string[];
  priority: CasePriority | undefined;
  /** Its statement, lower case, and what it is about: for impact signals and defect components. */
  signals: SignalSubject;
  words: Set<string>;
}

export interface CaseCoverage {
  coverage: number;
  coveredBy: string[];
}

// Two degrees only: an exact match (same operation and status, same requirement, same title)
// means the check is automated; a partial one (same operation, most title words) means a related
// check is, so the case is worth half as much manual attention.
const FULL = 1;
const PARTIAL = 0.5;

export function coverageOf(manualCase: ManualCase, tests: readonly AutomatedTestFact[]): CaseCoverage {
  let coverage = 0;
  const coveredBy: string[] = [];
  for (const test of tests) {
    const degree = matchDegree(manualCase, test);
    if (degree === 0) continue;
    coveredBy.push(test.id);
    coverage = Math.max(coverage, degree);
  }
  return { coverage, coveredBy: coveredBy.sort() };
}

function matchDegree(manualCase: ManualCase, test: AutomatedTestFact): number {
  if (test.references.includes(manualCase.id)) return FULL;
  let degree = 0;
  for (const trace of manualCase.trace) {
    if (trace.kind === 'requirement' && test.references.includes(trace.id)) return FULL;
    if (trace.kind !== 'operation') continue;
    for (const covered of test.operations) {
      if (!sameOperation(covered.operation, trace.operation)) continue;
      if (covered.status !== undefined && covered.status === trace.status) return FULL;
      degree = PARTIAL;
    }
  }
  const titles = compareTitles(manualCase.title, test.title);
  if (titles === 'same') return FULL;
  return titles === 'similar' ? Math.max(degree, PARTIAL) : degree;
}

function sameOperation(a: string, b: string): boolean {
  const normalise = (key: string) =>
    key
      .trim()
      .replace(/\s+/g, ' ')
      .replace(/\{[^}]*\}/g, '{}')
      .toUpperCase();
  return normalise(a) === normalise(b);
}
