import type { ManualCase } from '../../core/manual-case.ts';
import { caseTokens, mentions } from './case-words.ts';

/** One defect as the planner weighs it; built from the defect reader's records. */
export interface DefectFact {
  key: string;
  components: string[];
  priority: string;
  status: 'open' | 'fixed' | 'rejected';
  /** The components matched against cases: all but one naming the whole product (see defect-placement). */
  matchOn: string[];
  /** It names only the whole product (`Calculator` for the price calculator): it counts for every case. */
  productWide: boolean;
}

// A Blocker says far more about where the next failure is than a Minor; an open defect is a
// present risk, a fixed one shows the area breaks (and may regress), a rejected one says nothing.
// Jira's default scale (Highest…Lowest) and P0–P4 sit on the same points.
export const PRIORITY_POINTS: Record<string, number> = {
  blocker: 8,
  highest: 8,
  p0: 8,
  critical: 4,
  p1: 4,
  major: 2,
  high: 2,
  p2: 2,
  minor: 1,
  medium: 1,
  normal: 1,
  p3: 1,
  trivial: 0.5,
  low: 0.5,
  lowest: 0.5,
  p4: 0.5,
};
export const STATUS_FACTOR: Record<DefectFact['status'], number> = { open: 1, fixed: 0.5, rejected: 0 };
/** Defect points at which history weighs fully: two open Blockers, or four fixed ones. */
export const HISTORY_SATURATION = 16;

export function defectPoints(defect: DefectFact): number {
  return (PRIORITY_POINTS[defect.priority.toLowerCase()] ?? 1) * STATUS_FACTOR[defect.status];
}

/** history = min(1, Σ points of the defects in the case's components / 16), rounded to 3 places. */
export function historyWeight(defects: readonly DefectFact[]): number {
  const points = defects.reduce((sum, defect) => sum + defectPoints(defect), 0);
  return round3(Math.min(1, points / HISTORY_SATURATION));
}

/** The defects whose component a case is about (each defect once, even with two components). */
export function defectsOfCase(manualCase: ManualCase, defects: readonly DefectFact[]): DefectFact[] {
  return defectsAbout(caseTokens(manualCase), defects);
}

/** The defects whose component is among the words a case or test is about, and product-wide ones. */
export function defectsAbout(words: Set<string>, defects: readonly DefectFact[]): DefectFact[] {
  return defects.filter(
    (defect) => defect.productWide || defect.matchOn.some((component) => componentMatches(words, component)),
  );
}

/** The components through which defects count for a case: `VMs` of a `Disks, VMs` defect is not one for a disk case. */
export function matchedComponents(manualCase: ManualCase, defects: readonly DefectFact[]): string[] {
  const words = caseTokens(manualCase);
  return defects.flatMap((defect) =>
    defect.productWide
      ? defect.components
      : defect.matchOn.filter((component) => componentMatches(words, component)),
  );
}

/**
 * A component matches by its most specific part: `Compute API / VMs` is about `vm`. Trackers
 * nest components with `/`, `›`, `>` or `:`.
 */
export function componentMatches(words: Set<string>, component: string): boolean {
  const specific = component
    .split(/[/›>:]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return specific !== undefined && mentions(words, specific);
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
