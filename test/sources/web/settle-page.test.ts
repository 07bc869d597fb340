import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installInPageScript } from '../../../src/sources/web/in-page-script.ts';
import { launchBrowser } from '../../../src/sources/web/launch-browser.ts';
import { NetworkTracker, waitForSettled } from '../../../src/sources/web/settle-page.ts';

// A page whose main thread is busy in long tasks runs none of its timers meanwhile, exactly as a
// renderer starved of CPU on a loaded machine does: a look taken right after a long task that
// changed nothing finds the DOM quiet for the task's whole length, though the ticking timer
// changes it again as soon as the page runs.
const longTasks = `<p id="clock">0</p><script>
  setInterval(() => { document.getElementById('clock').textContent = String(Date.now()); }, 50);
  setInterval(() => {
    const start = performance.now();
    while (performance.now() - start < 700) {}
  }, 50);
</script>`;

const quietsDown = `<p id="count">0</p><script>
  let ticks = 0;
  const timer = setInterval(() => {
    document.getElementById('count').textContent = String(++ticks);
    if (ticks === 5) clearInterval(timer);
  }, 50);
</script>`;

describe('waiting for a page to settle', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  const open = async (content: string): Promise<{ page: Page; network: NetworkTracker }> => {
    const context = await browser.newContext();
    await installInPageScript(context);
    const page = await context.newPage();
    const network = new NetworkTracker(page);
    await page.setContent(content);
    return { page, network };
  };

  it('does not count a page as settled that only looked quiet between long tasks', async () => {
    const { page, network } = await open(longTasks);
    const result = await waitForSettled(page, network, { quietMs: 500, timeoutMs: 5_000 });
    expect(result.settled).toBe(false);
    await page.context().close();
  });

  it('settles a page once its changes stop', async () => {
    const { page, network } = await open(quietsDown);
    const result = await waitForSettled(page, network, { quietMs: 500, timeoutMs: 5_000 });
    expect(result.settled).toBe(true);
    expect(await page.locator('#count').textContent()).toBe('5');
    await page.context().close();
  });
});
