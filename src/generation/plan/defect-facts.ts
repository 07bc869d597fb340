import { isDefectOpen, type DefectRecord } from '../../core/defect.ts';
import type { DefectFact } from './defect-history.ts';

// Resolutions that mean "there was no defect here": they say nothing about where the next one is.
const REJECTED =
  /^(won'?t (fix|do)|duplicate|cannot reproduce|can'?t reproduce|not a bug|invalid|incomplete|rejected|works as designed)/i;

/** The defect reader's records as the planner weighs them. */
export function defectFacts(records: readonly DefectRecord[]): DefectFact[] {
  return records.map((record) => ({
    key: record.key,
    components: record.components,
    priority: record.priority?.trim() || 'unknown',
    status: statusOf(record),
    matchOn: record.components,
    productWide: false,
  }));
}

function statusOf(record: DefectRecord): DefectFact['status'] {
  if (isDefectOpen(record)) return 'open';
  return REJECTED.test((record.resolution ?? '').trim()) ? 'rejected' : 'fixed';
}
