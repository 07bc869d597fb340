import type { TestOutcome } from '../../core/run-report.ts';

/** A test to take out of the delivered suite, and the line saying why. */
export interface TestMark {
  outcome: TestOutcome;
  reason: string;
}

export interface MarkFailure {
  mark: TestMark;
  reason: string;
}

/** Marks for the tests of one source file, applied to its text. */
export type FileMarker = (
  source: string,
  marks: TestMark[],
) => { source: string; marked: TestMark[]; unmarked: MarkFailure[] };

/**
 * A mark counts only when its reason is in the text as written: whatever went wrong in between
 * (an unexpected layout, a later edit of the same line), the test is reported, not assumed skipped.
 */
export function verifyMarks(
  text: string,
  marked: TestMark[],
  unmarked: MarkFailure[],
): { marked: TestMark[]; unmarked: MarkFailure[] } {
  const applied = marked.filter(
    (mark) => text.includes(mark.reason) || text.includes(JSON.stringify(mark.reason)),
  );
  const lost = marked
    .filter((mark) => !applied.includes(mark))
    .map((mark) => ({ mark, reason: 'the mark was not found in the written file' }));
  return { marked: applied, unmarked: [...unmarked, ...lost] };
}
