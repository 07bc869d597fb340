// /ready asks whether exploration could start a browser now (Playwright's own, else the system one).
export { findBrowser as findBrowserForReadiness } from '../sources/web/find-browser.ts';
