/**
 * Flags for headless Chromium, shared by the explorer and every emitted UI suite: no sandbox
 * (containers rarely allow it), no GPU, no /dev/shm (often tiny in containers), and no
 * background traffic of the browser's own — only the app under test is contacted.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
