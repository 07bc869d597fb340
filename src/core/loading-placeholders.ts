/**
 * Loading placeholders: the grey blocks an app shows in place of content it is still fetching
 * (`data-loading="true"`, `aria-busy="true"`, a `skeleton` class). They often carry copies of the
 * controls they stand for, with the same names: a locator recorded on one, or a test that acts
 * while they show, meets several matches or one that vanishes. One selector for the explorer
 * (which neither records them nor counts a page settled while they show) and for emitted suites
 * (whose page objects wait for them to go before acting).
 */
export const LOADING_PLACEHOLDERS = '[data-loading="true"], [aria-busy="true"], [class*="skeleton" i]';

/**
 * Placeholders whose contents are stand-ins too. A region marked `aria-busy` is being updated,
 * but what it holds is real (an app may mark a whole page busy while one list loads): only the
 * busy element itself is a placeholder.
 */
export const PLACEHOLDER_BLOCKS = '[data-loading="true"], [class*="skeleton" i]';

/** How long an emitted test waits for a page's placeholders to go before acting anyway. */
export const PLACEHOLDER_WAIT_MS = 10_000;
