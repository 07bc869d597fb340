import { access } from 'node:fs/promises';
import type * as fsPromises from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findBrowser } from '../../../src/sources/web/find-browser.ts';

// Only `access` is replaced, and only when a test asks: the real one answers otherwise.
vi.mock('node:fs/promises', async (original) => {
  const actual = await original<typeof fsPromises>();
  return { ...actual, access: vi.fn(actual.access) };
});

describe('finding a browser', () => {
  afterEach(() => vi.mocked(access).mockRestore());

  it("prefers Playwright's Chromium, else a system one", async () => {
    const found = await findBrowser();
    if (found.source === 'system') await expect(access(found.executablePath!)).resolves.toBeUndefined();
    else expect(found.executablePath).toBeUndefined();
  });

  it('names both ways to install one when there is none', async () => {
    vi.mocked(access).mockRejectedValue(new Error('ENOENT'));
    await expect(findBrowser()).rejects.toMatchObject({
      code: 'TESTOPS_BROWSER_MISSING',
      message: expect.stringMatching(
        /Playwright's Chromium.*system Chromium at \/usr\/lib\/chromium\/chromium.*npx playwright install chromium.*apt-get install chromium/s,
      ),
    });
  });
});
