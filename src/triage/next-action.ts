import type { FailureClass, NextAction } from '../core/triage.ts';

/** What to do about a root cause of each class. */
export function nextActionFor(failureClass: FailureClass): NextAction {
  switch (failureClass) {
    case 'product-defect':
      return 'open-defect';
    case 'test-defect':
      return 'repair-test';
    case 'flaky':
      return 'quarantine';
    case 'environment':
      return 'fix-environment';
  }
}
