// /ready asks whether exploration could start a browser now (an OS browser, else Playwright's own).
export { assertBrowserAvailable as findBrowserForReadiness } from '../sources/web/find-browser.ts';
