import type { TestMistake } from '../core/case-repair.ts';
import type { TriageFailure } from '../core/triage.ts';
import { classifyFailure } from './classify-rules.ts';

export interface TestMistakeVerdict {
  mistake: TestMistake;
  /** The rule's reason, in words. */
  reason: string;
}

/**
 * Whether a failed generated test failed through its own mistake, one a structured change to the
 * case can fix: the triage rules decide (a locator finding nothing or several elements is a test
 * defect); on top, an element waited for in vain and the API's missing setup, which the rules
 * would blame on the product. A flaky, environment or product failure is never a test mistake.
 */
export function testMistakeOf(failure: TriageFailure, suite: 'api' | 'ui'): TestMistakeVerdict | undefined {
  const classification = classifyFailure(failure);
  if (classification.class === 'flaky' || classification.class === 'environment') return undefined;
  const text = [failure.message, failure.actual ?? ''].join('\n');
  if (suite === 'ui') return uiMistake(classification.class, classification.reasons, text);
  return apiMistake(failure);
}

function uiMistake(failureClass: string, reasons: string[], text: string): TestMistakeVerdict | undefined {
  if (failureClass === 'test-defect') {
    const strict = reasons.find((reason) => reason.startsWith('strict mode'));
    if (strict) return { mistake: 'strict-mode-violation', reason: strict };
    const missing = reasons.find((reason) => reason.startsWith('locator not found'));
    if (missing) return { mistake: 'locator-not-found', reason: missing };
    return undefined;
  }
  // Waited for an element to show and it stayed hidden: the page has it, the test looked too early
  // (a menu to open, a state to reach first).
  if (/toBeVisible\(\)/.test(text) && /Expected: visible\s*\n\s*Received: hidden/.test(text))
    return {
      mistake: 'element-not-visible',
      reason: 'the element exists but stayed hidden: a step that shows it is missing',
    };
  return undefined;
}

/** A status pair read from our report's expected/actual lines (`status 404`, `201`). */
function apiMistake(failure: TriageFailure): TestMistakeVerdict | undefined {
  const actual = /^status (\d{3})/.exec(failure.actual ?? '')?.[1];
  const expected = [...(failure.expected ?? '').matchAll(/\b([1-5]\d\d)\b/g)].map((match) => match[1]!);
  if (!actual || expected.length === 0 || expected.includes(actual)) return undefined;
  const expectsSuccess = expected.every((status) => status.startsWith('2'));
  const onResource = /\{[^}]+\}|\/\d+(\/|$)|\/[0-9a-f-]{8,}(\/|$)/i.test(failure.operation ?? '');
  if (actual === '404' && expectsSuccess && onResource)
    return {
      mistake: 'missing-setup',
      reason: 'a resource the test reads or changes was not found: its creation is missing from the setup',
    };
  if (actual === '401' && expectsSuccess)
    return {
      mistake: 'missing-auth',
      reason: 'a request expected to succeed was refused as unauthenticated: the credentials are not set up',
    };
  return undefined;
}
