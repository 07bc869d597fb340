import type { Suggestion, TestRef } from '../core/existing-test.ts';
import type { CriticalityInput } from './criticality.ts';
import type { Subject } from './subject-words.ts';

/** A suggestion before it is rated: what to do, and what its rating depends on. */
export interface SuggestionDraft {
  action: Suggestion['action'];
  title: string;
  tests: TestRef[];
  target: string | undefined;
  reason: string;
  rating: Omit<CriticalityInput, 'action' | 'defects'>;
  subject: Subject;
}
