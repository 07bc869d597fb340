/**
 * Loading placeholders: the grey blocks an app shows in place of content it is still fetching
 * (a `skeleton` class, `aria-busy="true"`). They often carry copies of the controls they stand
 * for, with the same names: a locator recorded on one, or a test that acts while they show,
 * meets several matches or one that vanishes. One selector for the explorer (which neither
 * records them nor counts a page settled while they show) and for emitted suites (whose page
 * objects wait for them to go before acting).
 *
 * `data-loading="true"` is not one: apps write it on the controls that turn into skeletons while
 * loading and leave it there once loaded, with the `skeleton` class saying which state it is
 * (seen on a real admin UI, where counting it hid a list page's "New …" button for good).
 */
export const LOADING_PLACEHOLDERS = '[aria-busy="true"], [class*="skeleton" i]';

/**
 * Placeholders whose contents are stand-ins too. A region marked `aria-busy` is being updated,
 * but what it holds is real (an app may mark a whole page busy while one list loads): only the
 * busy element itself is a placeholder.
 */
export const PLACEHOLDER_BLOCKS = '[class*="skeleton" i]';

/** How long an emitted test waits for a page's placeholders to go before acting anyway. */
export const PLACEHOLDER_WAIT_MS = 10_000;
