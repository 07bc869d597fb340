// Drives the price calculator demo in headless Chromium: the correct app page by page, then
// every seeded fault twice (absent without it, visible with it).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { priceCalculatorFaults } from '../../examples/price-calculator/faults.ts';
import type { PriceCalculatorFaultName } from '../../examples/price-calculator/faults.ts';
import { startPriceCalculator } from '../../examples/price-calculator/server.ts';
import type { RunningPriceCalculator } from '../../examples/price-calculator/server.ts';

const chromiumPaths = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
const desktop = { width: 1280, height: 900 };
const mobile = { width: 390, height: 844 };

let browser: Browser;
let app: RunningPriceCalculator;
let openContexts: BrowserContext[] = [];

function chromiumPath(): string {
  if (!chromiumPaths.some((path) => existsSync(path))) {
    execSync('apt-get update && apt-get install -y chromium', { stdio: 'ignore' });
  }
  const path = chromiumPaths.find((candidate) => existsSync(candidate));
  if (!path) throw new Error('Chromium is not installed and could not be installed');
  return path;
}

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  app = await startPriceCalculator({ fault: null });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

afterEach(async () => {
  await Promise.all(openContexts.map((context) => context.close()));
  openContexts = [];
});

interface OpenOptions {
  fault?: PriceCalculatorFaultName;
  viewport?: { width: number; height: number };
}

interface OpenedPage {
  page: Page;
  errors: string[];
}

function appUrl(path: string, fault?: PriceCalculatorFaultName): string {
  const url = new URL(path, app.url);
  if (fault) url.searchParams.set('fault', fault);
  return url.href;
}

async function openPage(path: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? desktop });
  openContexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(appUrl(path, options.fault));
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, errors };
}

interface SeedItem {
  productId: string;
  values?: Record<string, string | number>;
}

/** An /estimate URL whose hash restores these services, the same format the Share link uses. */
function estimateUrl(items: SeedItem[]): string {
  const payload = {
    v: 1,
    items: items.map((item) => ({ productId: item.productId, values: item.values ?? {} })),
  };
  return `/estimate#state=${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
}

async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

// Browser-side snippets are strings: the project's TypeScript lib has no DOM types.
/** Sum of layout-shift scores since navigation start, read after two frames. */
const layoutShiftScript = `new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(total)));
})`;

const livePrice = (page: Page) => page.getByTestId('live-price').locator('.price-amount');
const estimateItems = (page: Page) => page.getByTestId('estimate-list').getByRole('listitem');

describe('price calculator server', () => {
  it('serves the catalogue, the price table and the page shell', async () => {
    const catalog = (await (await fetch(`${app.url}/api/catalog`)).json()) as {
      categories: { name: string }[];
      products: { id: string; freeTier: boolean }[];
    };
    expect(catalog.categories.map((category) => category.name)).toEqual([
      'Compute',
      'Storage',
      'Network',
      'Databases',
    ]);
    expect(catalog.products.filter((product) => product.freeTier)).toHaveLength(3);
    const prices = (await (await fetch(`${app.url}/api/prices`)).json()) as { vatRate: number };
    expect(prices.vatRate).toBe(0.2);

    const page = await fetch(`${app.url}/configure/vm?fault=total-excludes-vat`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<meta name="fault" content="total-excludes-vat" />');
    expect((await fetch(`${app.url}/no-such-page`)).status).toBe(404);
    expect((await fetch(`${app.url}/assets/../server.ts`)).status).toBe(404);

    const badFault = await fetch(`${app.url}/?fault=nope`);
    expect(badFault.status).toBe(400);
    expect(await badFault.text()).toContain('price-not-updated-on-region-change');
  });

  it('validates fault names and reads CALCULATOR_FAULT when no fault is given', async () => {
    expect(new Set(priceCalculatorFaults.map((fault) => fault.name)).size).toBeGreaterThanOrEqual(10);
    await expect(startPriceCalculator({ fault: 'bogus' as PriceCalculatorFaultName })).rejects.toThrow(
      /Valid faults: .*remove-leaves-item/,
    );

    const previous = process.env.CALCULATOR_FAULT;
    process.env.CALCULATOR_FAULT = 'compare-allows-four';
    try {
      const seeded = await startPriceCalculator({});
      const html = await (await fetch(`${seeded.url}/estimate`)).text();
      await seeded.close();
      expect(html).toContain('<meta name="fault" content="compare-allows-four" />');
    } finally {
      if (previous === undefined) delete process.env.CALCULATOR_FAULT;
      else process.env.CALCULATOR_FAULT = previous;
    }
  });
});

describe('price calculator pages', () => {
  it('start page shows the steps, a zero total and the disclaimer, and Add service opens the catalogue', async () => {
    const { page } = await openPage('/');
    expect(await page.title()).toBe('Cloud price calculator — estimate your monthly cost');
    for (const role of ['banner', 'navigation', 'main', 'contentinfo'] as const) {
      expect(await page.getByRole(role).first().isVisible()).toBe(true);
    }
    expect(await page.getByTestId('process-steps').getByRole('listitem').count()).toBe(3);
    expect(await text(page.getByTestId('total'))).toBe('0,00 ₽');
    expect(await page.getByText('Total per month incl. VAT').isVisible()).toBe(true);
    expect(await text(page.getByTestId('disclaimer'))).toContain('not a public offer');

    await page.getByRole('button', { name: 'Add service' }).click();
    expect(new URL(page.url()).pathname).toBe('/catalog');
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Product catalogue');
    await page.goBack();
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Estimate the cost of cloud services');
  });

  it('catalogue filters by category tab and live search, and Configure opens the product', async () => {
    const { page } = await openPage('/catalog');
    const status = page.getByTestId('search-status');
    expect(await text(status)).toBe('12 products found');
    expect(await page.getByTestId('popular-products').getByRole('link').count()).toBe(4);
    expect(await page.getByTestId('free-tier-badge').count()).toBe(3);

    await page.getByRole('tab', { name: 'Storage' }).click();
    expect(await page.getByRole('tab', { name: 'Storage' }).getAttribute('aria-selected')).toBe('true');
    expect(await text(status)).toBe('3 products found');
    await page.getByRole('tab', { name: 'Storage' }).press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Network' }).getAttribute('aria-selected')).toBe('true');

    await page.getByRole('tab', { name: 'All' }).click();
    await page.getByLabel('Search products').fill('postgres');
    expect(await text(status)).toBe('1 product found');
    await page.getByLabel('Search products').fill('no such thing');
    expect(await text(status)).toBe('0 products found');
    await page.getByLabel('Search products').fill('');

    await page.getByRole('tab', { name: 'Compute' }).click();
    await page.getByLabel('Search products').fill('free');
    expect(await text(status)).toBe('1 product found');
    await page.getByRole('button', { name: 'Configure Virtual Machine Starter' }).click();
    expect(new URL(page.url()).pathname).toBe('/configure/vm-starter');
    expect(await page.title()).toBe('Configure Virtual Machine Starter — Cloud price calculator');
  });

  it('configuration page recalculates the price and enforces limits and dependencies', async () => {
    const { page } = await openPage('/configure/vm');
    expect(await text(livePrice(page))).toBe('3 610,00 ₽');
    expect(await page.getByTestId('live-price').getAttribute('aria-live')).toBe('polite');

    await page.getByLabel('Region').selectOption('ru-north-1');
    expect(await text(livePrice(page))).toBe('3 249,00 ₽');
    expect(await page.getByLabel('GPU').isDisabled()).toBe(true);
    await page.getByRole('radio', { name: /Reserved for 1 year/ }).check();
    expect(await text(livePrice(page))).toBe('2 274,30 ₽');
    await page.getByRole('radio', { name: 'On demand' }).check();
    await page.getByLabel('Region').selectOption('ru-central-1');
    await page.getByLabel('GPU').selectOption('a100');
    expect(await text(livePrice(page))).toBe('168 610,00 ₽');
    await page.getByLabel('GPU').selectOption('none');

    // The slider and the number box stay in sync.
    await page.getByRole('slider', { name: 'vCPU' }).press('ArrowRight');
    expect(await page.getByRole('spinbutton', { name: 'vCPU' }).inputValue()).toBe('3');
    await page.getByRole('spinbutton', { name: 'vCPU' }).fill('2');
    expect(await page.getByRole('slider', { name: 'vCPU' }).inputValue()).toBe('2');

    // RAM is limited to 8 GB per vCPU.
    const ram = page.getByRole('spinbutton', { name: 'RAM' });
    const add = page.getByRole('button', { name: 'Add to estimate' });
    await ram.fill('32');
    expect(await ram.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('RAM can be at most 16 GB for 2 vCPU').isVisible()).toBe(true);
    expect(await add.isDisabled()).toBe(true);
    await page.getByRole('spinbutton', { name: 'vCPU' }).fill('4');
    expect(await ram.getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('spinbutton', { name: 'vCPU' }).fill('1');
    expect(await ram.inputValue()).toBe('8');

    const instances = page.getByRole('spinbutton', { name: 'Number of instances' });
    for (const invalid of ['100', '0']) {
      await instances.fill(invalid);
      expect(await instances.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByText('Enter a whole number from 1 to 99').isVisible()).toBe(true);
      expect(await add.isDisabled()).toBe(true);
    }
    await instances.fill('99');
    expect(await instances.getAttribute('aria-invalid')).toBeNull();
    expect(await add.isEnabled()).toBe(true);

    const tooltip = page.getByRole('tooltip', { name: /Each vCPU allows up to 8 GB/ });
    await page.getByRole('button', { name: 'About vCPU' }).click();
    expect(await tooltip.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await tooltip.isVisible()).toBe(false);

    await instances.fill('1');
    await add.click();
    expect(await text(page.getByTestId('add-status'))).toContain('Virtual Machine added to the estimate.');
    expect(await text(page.getByTestId('estimate-count'))).toBe('(1)');

    // The estimate survives a reload and shows on the start page.
    await page.reload();
    await page.getByRole('link', { name: 'Home' }).click();
    expect(await text(page.getByTestId('total'))).toBe('4 404,00 ₽'); // 1 vCPU + 8 GB + 20 GB SSD, ×1.2
  });

  it('a Free Tier product can be added only once', async () => {
    const { page } = await openPage('/configure/vm-starter');
    expect(await text(livePrice(page))).toBe('0,00 ₽');
    await page.getByRole('button', { name: 'Add to estimate' }).click();
    await page.getByRole('button', { name: 'Add to estimate' }).click();
    expect(await text(page.getByRole('alert'))).toContain('can be added only once');
    await page.getByRole('link', { name: /Estimate/ }).click();
    expect(await estimateItems(page).count()).toBe(1);
  });

  it('estimate lists services with totals, Remove and Edit', async () => {
    const { page } = await openPage(estimateUrl([{ productId: 'vm' }, { productId: 'postgresql' }]));
    expect(await page.title()).toBe('Your estimate — Cloud price calculator');
    expect(await text(page.getByTestId('estimate-status'))).toContain('restored from a shared link');
    expect(new URL(page.url()).hash).toBe('');
    expect(await estimateItems(page).count()).toBe(2);
    expect(await text(page.getByTestId('subtotal'))).toBe('10 845,00 ₽');
    expect(await text(page.getByTestId('vat'))).toBe('2 169,00 ₽');
    expect(await text(page.getByTestId('total'))).toBe('13 014,00 ₽');

    await page.getByRole('button', { name: 'Remove Managed PostgreSQL' }).click();
    expect(await estimateItems(page).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Managed PostgreSQL' }).count()).toBe(0);
    expect(await text(page.getByTestId('total'))).toBe('4 332,00 ₽');

    await page.getByRole('button', { name: 'Edit Virtual Machine' }).click();
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Edit Virtual Machine');
    await page.getByRole('spinbutton', { name: 'Number of instances' }).fill('2');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect(new URL(page.url()).pathname).toBe('/estimate');
    expect(await text(page.getByTestId('estimate-status'))).toBe('Virtual Machine updated.');
    expect(await text(page.getByTestId('item-price'))).toBe('7 220,00 ₽ per month');

    await page.getByRole('button', { name: 'Remove Virtual Machine' }).click();
    expect(await page.getByText('Your estimate is empty.').isVisible()).toBe(true);
    expect(await text(page.getByTestId('total'))).toBe('0,00 ₽');
  });

  it('compares two or three services in a table, never four', async () => {
    const seed = [
      { productId: 'vm' },
      { productId: 'vm', values: { region: 'ru-east-1' } },
      { productId: 'postgresql' },
      { productId: 'cdn' },
    ];
    const { page } = await openPage(estimateUrl(seed));
    const compare = page.getByRole('button', { name: 'Compare', exact: true });
    expect(await compare.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Compare Virtual Machine', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Compare Virtual Machine 2' }).check();
    expect(await compare.isEnabled()).toBe(true);
    await page.getByRole('checkbox', { name: 'Compare Managed PostgreSQL' }).check();
    expect(await page.getByRole('checkbox', { name: 'Compare CDN' }).isDisabled()).toBe(true);

    await compare.click();
    const table = page.getByRole('table', { name: 'Comparison of 3 services' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Parameter',
      'Virtual Machine',
      'Virtual Machine 2',
      'Managed PostgreSQL',
    ]);
    const priceRow = table.getByRole('row', { name: /Price per month/ });
    expect(await priceRow.getByRole('cell').allTextContents()).toEqual([
      '3 610,00 ₽',
      '3 068,50 ₽',
      '7 235,00 ₽',
    ]);
    await page.getByRole('button', { name: 'Close comparison' }).click();
    expect(await table.isVisible()).toBe(false);
  });

  it('downloads the estimate as JSON', async () => {
    const { page } = await openPage(estimateUrl([{ productId: 'vm', values: { instances: 3 } }]));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('price-estimate.json');
    const json = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      items: { productId: string; configuration: Record<string, unknown>; pricePerMonth: number }[];
      totalPerMonthInclVat: number;
    };
    expect(json.items).toHaveLength(1);
    expect(json.items[0]).toMatchObject({ productId: 'vm', pricePerMonth: 10830 });
    expect(json.items[0]?.configuration).toMatchObject({
      vcpu: 2,
      ram: 4,
      instances: 3,
      region: 'ru-central-1',
    });
    expect(json.totalPerMonthInclVat).toBe(12996);
  });

  it('a share link restores the same configuration in a fresh browser context', async () => {
    const { page } = await openPage('/configure/vm');
    await page.getByRole('spinbutton', { name: 'vCPU' }).fill('8');
    await page.getByRole('spinbutton', { name: 'RAM' }).fill('32');
    await page.getByLabel('Region').selectOption('ru-east-1');
    await page.getByRole('button', { name: 'Add to estimate' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalogue' }).click();
    await page.getByRole('button', { name: 'Configure Managed Redis' }).click();
    await page.getByRole('spinbutton', { name: 'Number of hosts' }).fill('3');
    await page.getByRole('button', { name: 'Add to estimate' }).click();
    await page.getByRole('link', { name: 'View estimate' }).click();
    const total = await text(page.getByTestId('total'));

    await page.getByRole('button', { name: 'Share link' }).click();
    const link = await page.getByLabel('Link to this estimate').inputValue();
    expect(link).toMatch(/\/estimate#state=[\w-]+$/);

    const { page: fresh } = await openPage(link);
    expect(await estimateItems(fresh).count()).toBe(2);
    expect(await text(fresh.getByTestId('total'))).toBe(total);
    const vm = fresh.getByRole('article', { name: 'Virtual Machine' });
    expect(await text(vm)).toContain('Novosibirsk (ru-east-1)');
    expect(await text(vm)).toContain('32 GB');
  });

  it('Connect opens the Contact sales dialog, Close closes it', async () => {
    const { page } = await openPage('/estimate');
    await page.getByRole('button', { name: 'Connect' }).click();
    const dialog = page.getByRole('dialog', { name: 'Contact sales' });
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await dialog.isVisible()).toBe(false);
  });

  it('every page has a unique title, one h1, no console errors and no layout shift', async () => {
    const { page, errors } = await openPage('/');
    const titles = new Set<string>();
    for (const path of ['/', '/catalog', '/configure/vm', '/estimate', '/nowhere']) {
      await page.goto(appUrl(path));
      await page.getByRole('heading', { level: 1 }).waitFor();
      titles.add(await page.title());
      expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
      const shift = await page.evaluate<number>(layoutShiftScript);
      expect(shift, path).toBe(0);
    }
    expect(titles.size).toBe(5);
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Page not found');
    expect(errors.filter((error) => !error.includes('404'))).toEqual([]);
  });

  it('on a phone the navigation collapses behind Menu and nothing overflows', async () => {
    const { page } = await openPage(estimateUrl([{ productId: 'vm' }, { productId: 'kubernetes' }]), {
      viewport: mobile,
    });
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('link', { name: 'Catalogue', exact: true }).isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('link', { name: 'Catalogue', exact: true }).click();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    for (const path of ['/', '/catalog', '/configure/vm', '/estimate']) {
      await page.goto(appUrl(path));
      await page.getByRole('heading', { level: 1 }).waitFor();
      const [scrollWidth, clientWidth] = await page.evaluate<[number, number]>(
        '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
      );
      expect(scrollWidth, path).toBeLessThanOrEqual(clientWidth);
      expect(await page.getByTestId('disclaimer').isVisible(), path).toBe(true);
      if (path === '/' || path === '/estimate')
        expect(await page.getByTestId('total').isVisible()).toBe(true);
    }
  });
});

type Open = (path: string, options?: OpenOptions) => Promise<OpenedPage>;

interface FaultScenario {
  /** Drives the page and returns the observation the fault changes. */
  observe(open: Open): Promise<unknown>;
  correct: unknown;
  faulty: unknown;
}

/**
 * One scenario per fault (the Record type makes a missing one a compile error). Each runs on
 * the correct app and with the fault seeded via ?fault=, and must observe the two outcomes.
 */
const faultScenarios: Record<PriceCalculatorFaultName, FaultScenario> = {
  'price-not-updated-on-region-change': {
    async observe(open) {
      const { page } = await open('/configure/vm');
      await page.getByLabel('Region').selectOption('ru-north-1');
      return text(livePrice(page));
    },
    correct: '3 249,00 ₽',
    faulty: '3 610,00 ₽',
  },
  'remove-leaves-item': {
    async observe(open) {
      const { page } = await open(estimateUrl([{ productId: 'vm' }, { productId: 'cdn' }]));
      await page.getByRole('button', { name: 'Remove CDN' }).click();
      return estimateItems(page).count();
    },
    correct: 1,
    faulty: 2,
  },
  'instances-100-accepted': {
    async observe(open) {
      const { page } = await open('/configure/vm');
      const instances = page.getByRole('spinbutton', { name: 'Number of instances' });
      await instances.fill('100');
      return {
        invalid: await instances.getAttribute('aria-invalid'),
        addDisabled: await page.getByRole('button', { name: 'Add to estimate' }).isDisabled(),
      };
    },
    correct: { invalid: 'true', addDisabled: true },
    faulty: { invalid: null, addDisabled: false },
  },
  'share-link-loses-service': {
    async observe(open) {
      const { page } = await open(estimateUrl([{ productId: 'vm' }, { productId: 'redis' }]));
      await page.getByRole('button', { name: 'Share link' }).click();
      const { page: fresh } = await openPage(await page.getByLabel('Link to this estimate').inputValue());
      return estimateItems(fresh).count();
    },
    correct: 2,
    faulty: 1,
  },
  'disclaimer-missing-on-mobile': {
    async observe(open) {
      const { page } = await open('/', { viewport: mobile });
      return page.getByTestId('disclaimer').isVisible();
    },
    correct: true,
    faulty: false,
  },
  'free-tier-added-twice': {
    async observe(open) {
      const { page } = await open('/configure/object-storage-starter');
      await page.getByRole('button', { name: 'Add to estimate' }).click();
      await page.getByRole('button', { name: 'Add to estimate' }).click();
      return text(page.getByTestId('estimate-count'));
    },
    correct: '(1)',
    faulty: '(2)',
  },
  'total-excludes-vat': {
    async observe(open) {
      const { page } = await open(estimateUrl([{ productId: 'vm' }]));
      return text(page.getByTestId('total'));
    },
    correct: '4 332,00 ₽',
    faulty: '3 610,00 ₽',
  },
  'search-ignores-category': {
    async observe(open) {
      const { page } = await open('/catalog');
      await page.getByRole('tab', { name: 'Compute' }).click();
      await page.getByLabel('Search products').fill('free');
      return text(page.getByTestId('search-status'));
    },
    correct: '1 product found',
    faulty: '3 products found',
  },
  'compare-allows-four': {
    async observe(open) {
      const seed = ['vm', 'kubernetes', 'redis', 'cdn'].map((productId) => ({ productId }));
      const { page } = await open(estimateUrl(seed));
      for (const name of ['Virtual Machine', 'Managed Kubernetes', 'Managed Redis']) {
        await page.getByRole('checkbox', { name: `Compare ${name}` }).check();
      }
      return page.getByRole('checkbox', { name: 'Compare CDN' }).isDisabled();
    },
    correct: true,
    faulty: false,
  },
  'ram-limit-not-enforced': {
    async observe(open) {
      const { page } = await open('/configure/vm');
      await page.getByRole('spinbutton', { name: 'RAM' }).fill('32');
      return text(livePrice(page));
    },
    correct: '—',
    faulty: '11 730,00 ₽',
  },
  'tooltip-never-closes': {
    async observe(open) {
      const { page } = await open('/configure/vm');
      await page.getByRole('button', { name: 'About RAM' }).click();
      await page.keyboard.press('Escape');
      return page.getByRole('tooltip').isVisible();
    },
    correct: false,
    faulty: true,
  },
  'console-error-on-load': {
    async observe(open) {
      const { page, errors } = await open('/');
      await page.waitForLoadState('networkidle');
      return errors.some((error) => error.includes('promotions'));
    },
    correct: false,
    faulty: true,
  },
  'gpu-enabled-in-all-regions': {
    async observe(open) {
      const { page } = await open('/configure/vm');
      await page.getByLabel('Region').selectOption('ru-east-1');
      return page.getByLabel('GPU').isDisabled();
    },
    correct: true,
    faulty: false,
  },
  'mobile-menu-stays-closed': {
    async observe(open) {
      const { page } = await open('/', { viewport: mobile });
      await page.getByRole('button', { name: 'Menu' }).click();
      return page.getByRole('link', { name: 'Catalogue', exact: true }).isVisible();
    },
    correct: true,
    faulty: false,
  },
};

describe('seeded faults', () => {
  for (const { name } of priceCalculatorFaults) {
    it(`${name} manifests only when seeded`, async () => {
      const scenario = faultScenarios[name];
      expect(await scenario.observe((path, options) => openPage(path, options)), 'without the fault').toEqual(
        scenario.correct,
      );
      expect(
        await scenario.observe((path, options) => openPage(path, { ...options, fault: name })),
        'with the fault',
      ).toEqual(scenario.faulty);
    });
  }
});
