// Which Chromium the explorer drives: Playwright's own build when it has been downloaded,
// otherwise one from the OS packages, otherwise an error that names both ways to get one.
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { TestopsError } from '../../core/errors.ts';

export interface FoundBrowser {
  /** undefined lets Playwright use its own managed build. */
  executablePath: string | undefined;
  source: 'playwright' | 'system';
}

// The Debian binary comes first: /usr/bin/chromium is a wrapper script that prints a warning
// about its flags on every start.
const systemPaths = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
const pathNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findOnPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

async function playwrightChromium(): Promise<string | undefined> {
  // Loaded only here: Playwright is tens of megabytes of code a server's readiness probe need not hold.
  const { chromium } = await import('@playwright/test');
  try {
    return chromium.executablePath();
  } catch {
    return undefined; // no browser registry entry for this platform
  }
}

export async function findBrowser(): Promise<FoundBrowser> {
  const managed = await playwrightChromium();
  if (managed && (await isExecutable(managed))) return { executablePath: undefined, source: 'playwright' };
  const system = await findSystemBrowser();
  if (system) return { executablePath: system, source: 'system' };
  throw browserMissing(managed);
}

/**
 * Whether exploration and runs will find a browser, for a readiness probe: an OS browser answers
 * without loading Playwright; only without one is Playwright's own build looked up.
 */
export async function assertBrowserAvailable(): Promise<void> {
  if (!(await findSystemBrowser())) await findBrowser();
}

async function findSystemBrowser(): Promise<string | undefined> {
  for (const path of systemPaths) {
    if (await isExecutable(path)) return path;
  }
  for (const name of pathNames) {
    const path = await findOnPath(name);
    if (path) return path;
  }
  return undefined;
}

function browserMissing(managed: string | undefined): TestopsError {
  // Both places looked at are named: a user may have expected either one to be there.
  const playwright = managed ? `Playwright's Chromium at ${managed}` : "Playwright's Chromium";
  const system = `a system Chromium at ${systemPaths.join(' or ')} or ${pathNames.join('/')} on PATH`;
  return new TestopsError('TESTOPS_BROWSER_MISSING', 'no Chromium browser was found', {
    where: `${playwright}; ${system}`,
    expected: "Playwright's Chromium or a system Chromium/Chrome",
    hint: 'run `npx playwright install chromium`, or install the OS package (e.g. `apt-get install chromium`).',
  });
}
