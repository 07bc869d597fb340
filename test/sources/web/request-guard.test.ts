import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from '@playwright/test';
import { launchBrowser, newExplorationContext } from '../../../src/sources/web/launch-browser.ts';
import { guardRequests } from '../../../src/sources/web/request-guard.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

describe('request guard', () => {
  let browser: Browser;
  let site: LocalSite;
  let elsewhere: LocalSite;

  beforeAll(async () => {
    browser = await launchBrowser();
    elsewhere = await startLocalSite({ '/': html('Elsewhere', '<h1>Elsewhere</h1>') });
    site = await startLocalSite({
      '/start': { redirect: '/hop' },
      '/hop': { redirect: '/forbidden' },
      '/forbidden': html('Forbidden', '<h1>Should never be fetched</h1>'),
      '/ok': { redirect: '/final' },
      '/final': html('Final', '<h1>Final</h1>'),
      '/leave': html('Leave', `<a href="${elsewhere.url}">Elsewhere</a>`),
    });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await elsewhere?.close();
  });

  async function guardedPage(check?: (url: URL) => Promise<void>) {
    const refused: string[] = [];
    const context = await newExplorationContext(browser, { viewport: { width: 800, height: 600 } });
    await guardRequests(context, { origin: site.origin, check, onRefused: (url) => refused.push(url) });
    return { context, page: await context.newPage(), refused };
  }

  // Stands in for the SSRF check: refuses one path of the local site, so nothing leaves 127.0.0.1.
  const refuseForbidden = async (url: URL): Promise<void> => {
    if (url.pathname === '/forbidden') throw new Error('refused by test');
  };

  it('checks every redirect hop before it is requested', async () => {
    const { context, page, refused } = await guardedPage(refuseForbidden);
    await page.goto(`${site.origin}/start`).catch(() => undefined);
    await expect.poll(() => refused).toEqual([`${site.origin}/forbidden`]);
    expect(site.hits).toContain('/hop');
    expect(site.hits).not.toContain('/forbidden');
    await context.close();
  });

  it('lets allowed redirect chains end at their final URL', async () => {
    const { context, page } = await guardedPage(refuseForbidden);
    await page.goto(`${site.origin}/ok`);
    await page.waitForURL(`${site.origin}/final`);
    expect(await page.title()).toBe('Final');
    await context.close();
  });

  it('never navigates the page to another origin', async () => {
    const { context, page, refused } = await guardedPage();
    await page.goto(`${site.origin}/leave`);
    await page.getByRole('link', { name: 'Elsewhere' }).click();
    await expect.poll(() => refused).toEqual([elsewhere.url]);
    expect(elsewhere.hits).toEqual([]);
    expect(page.url()).toBe(`${site.origin}/leave`);
    await context.close();
  });
});
