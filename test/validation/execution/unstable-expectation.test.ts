import { describe, expect, it } from 'vitest';
import { unstableExpectation } from '../../../src/validation/execution/unstable-expectation.ts';

// Messages as Playwright 1.5x writes them (ANSI stripped).
const textFailure = [
  'Error: expect(locator).toHaveText(expected) failed',
  '',
  "Locator:  getByRole('button', { name: 'Search results' })",
  'Expected: "0 matches"',
  'Received: "2 matches"',
  'Timeout:  5000ms',
].join('\n');

const linkMissing = [
  'Error: expect(locator).toBeVisible() failed',
  '',
  "Locator:  getByRole('link', { name: 'New Tiddler 4', exact: true })",
  'Expected: visible',
  'Timeout:  5000ms',
  'Error: element(s) not found',
].join('\n');

describe('unstableExpectation', () => {
  it('names both values of an observed text the same build no longer shows', () => {
    expect(unstableExpectation({ message: textFailure })).toBe(
      `unstable expectation (getByRole('button', { name: 'Search results' })): expected "0 matches" as exploration saw it, this run saw "2 matches" on the same build. ` +
        'The data changed since (what tests or exploration created before), or the view had not caught up ' +
        "within the assertion's wait; not a defect",
    );
  });

  it('covers an observed element that is gone, with the matcher when no value was printed', () => {
    expect(unstableExpectation({ message: linkMissing })).toMatch(
      /^unstable expectation \(getByRole\('link', \{ name: 'New Tiddler 4', exact: true \}\)\): expected visible as exploration saw it, this run saw no such element on the same build/,
    );
    expect(
      unstableExpectation({ message: 'Error: expect(locator).toBeHidden() failed\n\nTimeout: 5000ms' }),
    ).toMatch(/^unstable expectation: toBeHidden no longer held on the same build/);
    expect(
      unstableExpectation({
        message: 'Error: expect(page).toHaveURL(expected) failed\n\nExpected: "/a"\nReceived: "/b"',
      }),
    ).toContain('expected "/a" as exploration saw it, this run saw "/b"');
  });

  it('covers a control the phone pass saw inside the viewport and the same build did not show there', () => {
    const message = [
      'Error: expect(locator).toBeInViewport() failed',
      '',
      "Locator:  getByRole('link', { name: 'Flow 1', exact: true })",
      'Expected: in viewport',
      'Received: viewport ratio 0',
    ].join('\n');
    expect(unstableExpectation({ message })).toBe(
      "unstable expectation (getByRole('link', { name: 'Flow 1', exact: true })): exploration's phone pass saw it " +
        'inside the viewport, this run saw viewport ratio 0 on the same build. The layout depends on what the page ' +
        'held or how far it had settled, not a defect',
    );
  });

  it('leaves rules that hold whatever the data as failures: console errors, overflow, accessibility', () => {
    const rules = [
      'Error: errors written to the browser console\n\nexpect(received).toEqual(expected) // deep equality',
      'Error: page is wider than the viewport (horizontal overflow, in CSS pixels)\n\nexpect(received).toBeLessThanOrEqual(expected)',
      'Error: serious/critical accessibility violations\n\nexpect(received).toEqual(expected)',
      'Test timeout of 30000ms exceeded.',
      "Error: locator.click: Timeout 10000ms exceeded.\nCall log:\n  - waiting for getByRole('button')",
    ];
    for (const message of rules) expect(unstableExpectation({ message })).toBeUndefined();
  });
});
