// The system Chromium these tests drive (there is no Playwright browser download here).
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function chromiumPath(): string {
  const path = process.env['CHROMIUM_PATH'] || CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path) throw new Error(`No Chromium found (tried ${CANDIDATES.join(', ')}); set CHROMIUM_PATH`);
  return path;
}
