/* global document, performance, MutationObserver */
// Installed at document start in every page the explorer opens (before the app's own scripts):
// it creates the explorer's namespace and timestamps DOM mutations, so "the DOM is stable" can
// be measured as "no mutation for N ms" instead of guessed from network idleness alone.
(() => {
  if (globalThis.__testopsExplorer) return;
  const api = {};
  // Non-enumerable so the app under test does not see a new global in Object.keys(window).
  Object.defineProperty(globalThis, '__testopsExplorer', { value: api, configurable: false });
  let lastMutation = performance.now();
  const observer = new MutationObserver(() => {
    lastMutation = performance.now();
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  // A CSS transition or animation changes what is shown without a single DOM mutation (a
  // sidebar sliding away, then hidden when it ends): while one with an end is running, the page
  // is not quiet. Endless ones (spinners) are left out, or such a page could never settle.
  const animating = () =>
    typeof document.getAnimations === 'function' &&
    document.getAnimations().some((animation) => {
      if (animation.playState !== 'running') return false;
      const timing = animation.effect && animation.effect.getComputedTiming();
      return timing !== null && timing !== undefined && Number.isFinite(timing.endTime);
    });
  api.domQuietMs = () => {
    if (animating()) lastMutation = performance.now();
    return Math.round(performance.now() - lastMutation);
  };
  /**
   * The quiet time, when the last change was (so a second look can tell whether anything changed
   * in between), and whether loading placeholders still show (collect-page.js).
   */
  api.quietState = () => ({
    quietMs: api.domQuietMs(),
    changedAt: lastMutation,
    loading: api.loadingShown(),
  });
})();
