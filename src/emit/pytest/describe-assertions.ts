import type { Assertion } from '../../core/test-case.ts';

/**
 * The "Assert: …" step title. Worded exactly as the Playwright emitter words it, so reports of
 * both formats read alike (kept here rather than imported: emitters do not depend on each other).
 */
export function describeAssertions(assertions: Assertion[]): string {
  const parts: string[] = [];
  for (const assertion of assertions) {
    if (assertion.kind === 'status') parts.push(`status ${assertion.oneOf.join(' or ')}`);
    if (assertion.kind === 'content-type') parts.push(assertion.mediaType);
    if (assertion.kind === 'documented-schema') parts.push('body matches the documented schema');
    if (assertion.kind === 'field-equals' || assertion.kind === 'field-echoes')
      parts.push(`"${assertion.path}" as expected`);
    if (assertion.kind === 'array-length')
      parts.push(`"${assertion.path || 'body'}" item count within bounds`);
  }
  return [...new Set(parts)].join(', ');
}
