import type { FailedTest } from './classify-failure.ts';

/** A credentials problem or the target's pace, not a refusal of the input: judged elsewhere. */
const NOT_INPUT_REFUSALS = new Set([401, 429]);

/** Whether a document's statuses (`"404"`, `"4XX"`) list `status`. */
export function listsStatus(documented: readonly string[] | undefined, status: number): boolean {
  return (documented ?? []).some(
    (code) => code === String(status) || code.toUpperCase() === `${Math.floor(status / 100)}XX`,
  );
}

/**
 * Invalid input refused with another client-error status the operation documents: a number
 * sent for a user's e-mail, converted and looked up, answered with the documented 404 "No user
 * found" where the test expected 400. The input was refused, as the case asks, with a status the
 * document promises; malformed input answered with a documented 4xx is no defect. Not delivered
 * (its expectation named another status), and says why. A status the document lacks stays a
 * contract deviation; a success or a 5xx stays a finding.
 */
export function documentedRefusal(
  failed: Pick<FailedTest, 'testKind' | 'status' | 'operation' | 'expected'>,
  documented: readonly string[] | undefined,
): string | undefined {
  const status = failed.status;
  if (failed.testKind !== 'negative' || status === undefined) return undefined;
  if (status < 400 || status >= 500 || NOT_INPUT_REFUSALS.has(status)) return undefined;
  const expected = [...failed.expected.matchAll(/\b\d{3}\b/g)].map((match) => Number(match[0]));
  if (expected.length === 0 || expected.some((code) => code < 400 || code >= 500)) return undefined;
  if (!listsStatus(documented, status)) return undefined;
  return `${failed.operation} refused the invalid input with ${status}, a status its document lists, where the test expected ${expected.join(' or ')}: refused as it should be, with another documented status, so no finding`;
}
