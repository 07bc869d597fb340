import type { ManualCaseSet } from '../../core/manual-case.ts';

/** The figures of a case set: what `--json` prints and the emitted README lists. */
export interface CaseSetSummary {
  title: string;
  source: ManualCaseSet['source'];
  cases: number;
  requirements: number;
  byKind: Record<string, number>;
  byFeature: Record<string, number>;
  byPriority: Record<string, number>;
  bySuite: Record<string, number>;
  unused: ManualCaseSet['unused'];
}

export function summariseCaseSet(set: ManualCaseSet): CaseSetSummary {
  const count = (pick: (manualCase: ManualCaseSet['cases'][number]) => string) => {
    const counts: Record<string, number> = {};
    for (const manualCase of set.cases) counts[pick(manualCase)] = (counts[pick(manualCase)] ?? 0) + 1;
    return counts;
  };
  return {
    title: set.title,
    source: set.source,
    cases: set.cases.length,
    requirements: set.requirements.length,
    byKind: count((manualCase) => manualCase.kind),
    byFeature: count((manualCase) => manualCase.feature),
    byPriority: count((manualCase) => manualCase.priority),
    bySuite: count((manualCase) => manualCase.suite),
    unused: set.unused,
  };
}

/** Cases grouped by feature, in the order features first appear. */
export function byFeature(cases: ManualCaseSet['cases']): Map<string, ManualCaseSet['cases']> {
  const groups = new Map<string, ManualCaseSet['cases']>();
  // Appended in place: copying the group for every case was O(n²) in a feature's cases.
  for (const manualCase of cases) {
    const group = groups.get(manualCase.feature);
    if (group) group.push(manualCase);
    else groups.set(manualCase.feature, [manualCase]);
  }
  return groups;
}
