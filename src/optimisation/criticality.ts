import type { Criticality, SuggestionAction, TestPriority } from '../core/existing-test.ts';
import type { DefectHit } from './defect-relevance.ts';

export interface CriticalityInput {
  action: SuggestionAction;
  /** The highest priority label among the tests involved (none for gaps). */
  priority: TestPriority | undefined;
  /** HTTP methods involved: writes rank above reads. */
  methods: string[];
  /** Authentication is involved (credentials varied, 401/403 expected or missing). */
  auth: boolean;
  /** For a missing documented status. */
  status: number | undefined;
  defects: DefectHit[];
}

export interface Rating {
  score: number;
  criticality: Criticality;
  factors: string[];
  defects: string[];
}

// A wrong test (conflict, outdated) misleads every run; a gap leaves a risk unseen; a duplicate
// only costs run time. The bases keep that order before the other factors move a finding.
const BASE: Record<SuggestionAction, number> = {
  'resolve-conflict': 40,
  update: 30,
  add: 25,
  merge: 15,
  delete: 15,
};
const PRIORITY_POINTS: Record<TestPriority, number> = { critical: 20, normal: 10, low: 0 };
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MAX_DEFECT_POINTS = 30;

/** Scores a suggestion: its kind, the priority of its tests, writes and auth first, defect history. */
export function rate(input: CriticalityInput): Rating {
  const factors: string[] = [];
  let score = BASE[input.action];
  const add = (points: number, why: string) => {
    if (points === 0) return;
    score += points;
    factors.push(`${why} ${points > 0 ? '+' : '−'}${Math.abs(points)}`);
  };
  if (input.priority) add(PRIORITY_POINTS[input.priority], `priority ${input.priority}`);
  const writes = [...new Set(input.methods.filter((method) => WRITE_METHODS.has(method)))];
  if (writes.length > 0) add(10, `writes data (${writes.join(', ')})`);
  if (input.auth) add(10, 'authentication');
  if (input.status !== undefined) add(statusPoints(input.status), `status ${input.status}`);
  const defectPoints = pointsFor(input.defects);
  if (defectPoints > 0) add(defectPoints, `defect history (${describeDefects(input.defects)})`);
  return {
    score,
    criticality: score >= 70 ? 'critical' : score >= 50 ? 'high' : score >= 30 ? 'medium' : 'low',
    factors,
    defects: input.defects.map((hit) => hit.record.key),
  };
}

/** The documented success unchecked matters most; a 5xx can rarely be provoked from outside. */
function statusPoints(status: number): number {
  if (status >= 200 && status < 300) return 10;
  if (status >= 500) return -15;
  return 0;
}

/** Saturating: the first defects say most about an area, the tenth adds little. */
function pointsFor(hits: DefectHit[]): number {
  const weight = hits.reduce((sum, hit) => sum + hit.weight, 0);
  return Math.round(MAX_DEFECT_POINTS * (1 - Math.exp(-weight / 4)));
}

function describeDefects(hits: DefectHit[]): string {
  const top = [...hits].sort((a, b) => b.weight - a.weight).slice(0, 3);
  const more = hits.length > top.length ? ` and ${hits.length - top.length} more` : '';
  return `${top.map((hit) => `${hit.record.key} ${hit.record.priority ?? ''}`.trim()).join(', ')}${more}`;
}
