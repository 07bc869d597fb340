import type { ManualStep } from '../../core/manual-case.ts';

// One wording of a step for every format: `Arrange: …`, `Act: … → expected …`,
// `Assert: … → expected …`. The phase prefixes are what Allure TestOps as code and the
// standards check read as the Arrange / Act / Assert order.

const PREFIX: Record<ManualStep['phase'], string> = { arrange: 'Arrange', act: 'Act', assert: 'Assert' };

export function stepText(step: ManualStep): string {
  const expected = step.expected ? ` → expected ${lowerFirst(step.expected)}` : '';
  return `${PREFIX[step.phase]}: ${step.action}${expected}`;
}

/** The step without its expected result (for formats with a separate expected column). */
export function stepAction(step: ManualStep): string {
  return `${PREFIX[step.phase]}: ${step.action}`;
}

function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
