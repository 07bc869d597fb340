/**
 * A UI suite's expected values are what the explorer saw the app show (a text, a link, a count).
 * Run against the very build it was explored on, an app that now shows something else has not
 * broken: the value depends on data that changed since (items the suite's own tests created, an
 * auto-numbered title) or on how soon a view refreshes (one that still shows the old text when the
 * assertion gives up), so the expectation is unstable, and the failure is no finding. Which of the
 * two it was cannot be told from the failure, so the reason names both.
 */

/**
 * Playwright's web-first matchers the generator uses for observed values, on a locator or the
 * page. Not among them: the plain `expect(received)` checks of console errors, overflow and
 * accessibility, which hold whatever data the app has.
 */
const OBSERVED_MATCHER =
  /expect\((?:locator|page)\)\.(?:not\.)?(toHaveText|toHaveValue|toHaveCount|toBeVisible|toBeHidden|toHaveURL|toHaveTitle|toMatchAriaSnapshot|toBeEnabled|toBeDisabled|toBeChecked|toHaveAttribute)\(/;

/**
 * Why a failure of an observed-value assertion, on the build the suite was explored on, is not a
 * defect: both values and the cause, or undefined when the failure is of another kind.
 */
export function unstableExpectation(failed: { message: string }): string | undefined {
  const head = failed.message.split('\n').find((line) => line.trim() !== '') ?? '';
  const locator = /^Locator: +(.*)$/m.exec(failed.message)?.[1]?.trim();
  if (/expect\(locator\)\.toBeInViewport\(/.test(head)) return unstableLayout(failed.message, locator);
  const matcher = OBSERVED_MATCHER.exec(head)?.[1];
  if (!matcher) return undefined;
  const expected = /^Expected(?: [a-z ]+)?: (.*)$/m.exec(failed.message)?.[1]?.trim();
  const received =
    /^Received(?: [a-z ]+)?: (.*)$/m.exec(failed.message)?.[1]?.trim() ??
    (/element\(s\) not found/.test(failed.message) ? 'no such element' : undefined);
  const values =
    expected !== undefined && received !== undefined
      ? `expected ${expected} as exploration saw it, this run saw ${received}`
      : `${matcher} no longer held`;
  const where = locator ? ` (${locator})` : '';
  return (
    `unstable expectation${where}: ${values} on the same build. The data changed since (what tests or ` +
    "exploration created before), or the view had not caught up within the assertion's wait; not a defect"
  );
}

/**
 * A control the phone pass of exploration saw inside the viewport, not inside it when the test
 * looked on the same build: the observation did not hold again (what the page held then, how far
 * its layout had settled), which is no evidence of a defect. On another build it is a finding.
 */
function unstableLayout(message: string, locator: string | undefined): string {
  const received = /^Received(?: [a-z ]+)?: (.*)$/m.exec(message)?.[1]?.trim();
  const where = locator ? ` (${locator})` : '';
  return (
    `unstable expectation${where}: exploration's phone pass saw it inside the viewport, this run saw ` +
    `${received ?? 'it outside'} on the same build. The layout depends on what the page held or how far ` +
    'it had settled, not a defect'
  );
}
