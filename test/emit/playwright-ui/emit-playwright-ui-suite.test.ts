import { describe, expect, it } from 'vitest';
import type { UiSuite } from '../../../src/core/ui-test-case.ts';
import { emitPlaywrightUiSuite } from '../../../src/emit/playwright-ui/emit-playwright-ui-suite.ts';
import { renderAction } from '../../../src/emit/playwright-ui/render-action.ts';
import { SLOW_TEST_ACTIONS, renderUiTest } from '../../../src/emit/playwright-ui/render-ui-test.ts';
import { generateUiSuite } from '../../../src/generation/ui/generate-ui-suite.ts';
import { priceCalculatorSiteModel } from '../../generation/ui/fixtures/price-calculator/site-model.ts';

const suite = generateUiSuite(priceCalculatorSiteModel);
const files = emitPlaywrightUiSuite(suite, { baseUrl: 'http://127.0.0.1:4310' });
const specs = Object.entries(files).filter(([path]) => path.startsWith('tests/'));
const code = Object.entries(files).filter(([path]) => path.endsWith('.ts'));

describe('emitPlaywrightUiSuite', () => {
  it('writes a standalone project: config, page objects, one spec per page, support code', () => {
    expect(Object.keys(files).sort()).toEqual([
      '.env.example',
      '.gitignore',
      'README.md',
      'package.json',
      'pages/catalog.page.ts',
      'pages/configure-vm.page.ts',
      'pages/estimate.page.ts',
      'pages/home.page.ts',
      'playwright.config.ts',
      'support/accessibility.ts',
      'support/console-errors.ts',
      'support/dialogs.ts',
      'support/fixtures.ts',
      'support/forms.ts',
      'support/layout.ts',
      'support/links.ts',
      'support/unique-text.ts',
      'support/writes.ts',
      'tests/catalog.spec.ts',
      'tests/configure-vm.spec.ts',
      'tests/estimate.spec.ts',
      'tests/home.spec.ts',
      'tsconfig.json',
    ]);
    for (const [path, text] of code)
      expect(text, path).not.toMatch(/testops-copilot|\/src\/|\.\.\/\.\.\/\.\./);
  });

  it('pins the runner, axe-core, the one playwright-core both use, and allure, as an ES module project', () => {
    const manifest = JSON.parse(files['package.json']!) as Record<string, Record<string, string>>;
    expect(manifest['type']).toBe('module');
    expect(manifest['dependencies']).toEqual({
      '@playwright/test': '1.65.1',
      '@axe-core/playwright': '4.13.0',
      'playwright-core': '1.65.1',
      'allure-playwright': '3.12.2',
      'allure-js-commons': '3.12.2',
    });
    expect(manifest['devDependencies']).toEqual({ typescript: '5.9.3', '@types/node': '20.19.25' });
  });

  it('configures reports, base URL, evidence on failure and a system Chromium', () => {
    const config = files['playwright.config.ts']!;
    expect(config).toContain("const reportFile = process.env['TESTOPS_REPORT_FILE'];");
    expect(config).toContain("reportFile ? ['json', { outputFile: reportFile }] : ['list'],");
    expect(config).toContain('baseURL: process.env[\'APP_BASE_URL\'] ?? "http://127.0.0.1:4310",');
    expect(config).toContain("trace: 'retain-on-failure',");
    expect(config).toContain("screenshot: 'only-on-failure',");
    expect(config).toContain('viewport: { width: 1280, height: 900 },');
    expect(config).toContain("name: 'chromium',");
    expect(config).toContain("executablePath: process.env['CHROMIUM_PATH'] || undefined,");
    // The SSRF guard of a service run routes the browser through its proxy.
    expect(config).toContain("const browserProxy = process.env['TESTOPS_BROWSER_PROXY'];");
    expect(config).toContain('proxy: browserProxy ? { server: browserProxy } : undefined,');
    for (const flag of [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-quic',
      '--disable-sync',
    ])
      expect(config).toContain(`"${flag}"`);
  });

  it('holds locators in page objects, by role and accessible name, scoped instead of indexed', () => {
    const configure = files['pages/configure-vm.page.ts']!;
    expect(configure).toContain('export class ConfigureVmPage {');
    expect(configure).toContain("static readonly path = '/configure/vm';");
    expect(configure).toContain("this.region = page.getByRole('combobox', { name: 'Region', exact: true });");
    expect(configure).toContain(
      "this.navEstimate = page.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Estimate' });",
    );
    expect(configure).toContain("this.livePrice = page.getByTestId('live-price');");
  });

  it('opens a page and waits, bounded, for its loading placeholders to go before acting', () => {
    const home = files['pages/home.page.ts']!;
    expect(home).toContain('    await this.page.goto(HomePage.path);\n    await this.placeholdersGone();');
    expect(home).toContain('.waitForFunction(');
    expect(home).toContain('[aria-busy=');
    expect(home).toContain('.catch(() => undefined)');
  });

  it('follows the rules for generated tests: web-first, no sleeps, no XPath, no unscoped indexes', () => {
    for (const [path, text] of code) {
      expect(text, path).not.toMatch(
        /waitForTimeout|networkidle|xpath=|\/\/\*\[|\.nth\(|\.first\(\)|\.last\(\)|page\.\$/i,
      );
      expect(text, path).not.toMatch(/\.locator\(/);
    }
    for (const [path, text] of specs) {
      for (const line of text.split('\n').filter((candidate) => /\bexpect[.(]/.test(candidate)))
        expect(line.trim(), path).toMatch(/^await expect(\.poll)?\(/);
      const tests = text.split(/\n\s*test\(/).slice(1);
      for (const body of tests) {
        expect(body, path).toContain("await test.step('Arrange: ");
        expect(body, path).toContain("await test.step('Assert: ");
      }
    }
  });

  it('renders an observed interaction as Arrange / Act / Assert with the new values', () => {
    const spec = files['tests/configure-vm.spec.ts']!;
    expect(spec).toContain(
      [
        '    await test.step(\'Act: select "Saint Petersburg (ru-north-1)" in Region select\', async () => {',
        "      await configureVm.region.selectOption('ru-north-1');",
        '    });',
      ].join('\n'),
    );
    expect(spec).toContain("      await expect(configureVm.livePrice).toHaveText('3 249,00 ₽ per month');");
    expect(spec).toContain('      await expect(estimate.virtualMachineArticle).toBeHidden();');
    expect(spec).toContain(
      "await expectFieldMessage(configureVm.ram, 'Enter a whole number from 1 to 256');",
    );
    expect(spec).toContain("import { EstimatePage } from '../pages/estimate.page.ts';");
  });

  it('runs mobile cases at the mobile viewport, checking they fit it', () => {
    const spec = files['tests/home.spec.ts']!;
    expect(spec).toContain(
      "  test.describe('at 390×844', () => {\n    test.use({ viewport: { width: 390, height: 844 } });",
    );
    expect(spec).toContain('await expectInViewport(home.addService);');
    expect(spec).toContain(
      "import { expectNoHorizontalOverflow, expectInViewport } from '../support/layout.ts';",
    );
    expect(spec).toContain('await expectNoHorizontalOverflow(page);');
  });

  it('reports accessibility findings without failing unless failOnA11y, and checks console errors', () => {
    const spec = files['tests/home.spec.ts']!;
    expect(spec).toContain(
      "await checkAccessibility(page, testInfo, { impacts: ['serious', 'critical'], fail: false });",
    );
    expect(spec).toContain('async ({ page }, testInfo) => {');
    expect(spec).toContain('await expectNoConsoleErrors(page, consoleErrors);');
    const strict = emitPlaywrightUiSuite(generateUiSuite(priceCalculatorSiteModel, { failOnA11y: true }), {
      baseUrl: 'http://127.0.0.1:4310',
    });
    expect(strict['tests/home.spec.ts']).toContain("{ impacts: ['serious', 'critical'], fail: true }");
  });

  it('escapes titles, values and snapshots, and casts roles Playwright does not list', () => {
    const target = {
      page: 'odd',
      name: 'note',
      locator: { strategy: 'role' as const, role: 'doc-note', name: "it's `x` ${y}" },
    };
    const odd: UiSuite = {
      title: 'odd',
      origin: 'http://127.0.0.1:1',
      viewports: suite.viewports,
      pages: [{ id: 'odd', path: '/o?q=1', title: 'Odd */ page', locators: [target] }],
      failOnA11y: false,
      skipped: [],
      cases: [
        {
          id: 'odd',
          title: "Shows 'quoted' and `ticked` ${text}",
          kind: 'aria-snapshot',
          page: 'odd',
          priority: 'low',
          viewport: 'desktop',
          covers: [],
          steps: [
            {
              title: 'open',
              phase: 'arrange',
              actions: [{ kind: 'goto', page: 'odd', path: '/o?q=1' }],
              assertions: [],
            },
            {
              title: 'snapshot',
              phase: 'assert',
              actions: [],
              assertions: [{ kind: 'aria-snapshot', target, snapshot: '- note "a `b` ${c} \\\\ d"' }],
            },
          ],
        },
      ],
    };
    const emitted = emitPlaywrightUiSuite(odd, { baseUrl: 'http://127.0.0.1:1' });
    const page = emitted['pages/odd.page.ts']!;
    expect(page).toContain("type AriaRole = Parameters<Page['getByRole']>[0];");
    expect(page).toContain("page.getByRole('doc-note' as AriaRole, { name: 'it\\'s `x` ${y}' })");
    expect(page).toContain('"Odd * / page"');
    const spec = emitted['tests/odd.spec.ts']!;
    expect(spec).toContain("test('Shows \\'quoted\\' and `ticked` ${text}',");
    expect(spec).toContain('- note "a \\`b\\` \\${c} \\\\\\\\ d"');
  });

  it('signs in before the tests with the login steps, reading secrets from the environment only', () => {
    expect(files['playwright.config.ts']).not.toContain('globalSetup');
    const loggedIn = emitPlaywrightUiSuite(
      {
        ...suite,
        loginSteps: [
          { goto: '/login' },
          { fill: { label: 'Email' }, value: 'qa@example.com' },
          { fill: { label: 'Password' }, value: 'literal-secret-1' },
          { fill: { label: 'Code' }, value: '${ONE_TIME_CODE}' },
          { click: { role: 'button', name: 'Sign in' } },
        ],
      },
      { baseUrl: 'http://127.0.0.1:4310' },
    );
    expect(loggedIn['playwright.config.ts']).toContain("globalSetup: './support/log-in.ts'");
    expect(loggedIn['playwright.config.ts']).toContain('storageState: ".auth/storage-state.json"');
    const logIn = loggedIn['support/log-in.ts']!;
    expect(logIn).toContain(
      "await page.getByLabel('Email', { exact: true }).fill('qa@example.com', options);",
    );
    expect(logIn).toContain("fill(fromEnv('${LOGIN_STEP_3}'), options)");
    expect(logIn).toContain("fill(fromEnv('${ONE_TIME_CODE}'), options)");
    for (const [path, text] of Object.entries(loggedIn)) expect(text, path).not.toContain('literal-secret-1');
    expect(loggedIn['.env.example']).toContain('LOGIN_STEP_3=\nONE_TIME_CODE=');
    expect(loggedIn['.gitignore']).toContain('.auth/');
    expect(loggedIn['README.md']).toContain('`ONE_TIME_CODE`');
  });

  it("waits for the app's writes before a page is opened again to check a create lasts", () => {
    expect(renderAction({ kind: 'goto', page: 'home', path: '/', afterWrites: true })).toBe(
      'await writesSettled(page);\nawait home.goto();',
    );
    expect(renderAction({ kind: 'goto', page: 'home', path: '/' })).toBe('await home.goto();');
    expect(files['support/writes.ts']).toContain('export async function writesSettled(');
  });

  it('waits for one match of a target after an action that changed what is shown, and only then', () => {
    const box = { page: 'home', name: 'title', locator: { strategy: 'role', role: 'textbox' } } as const;
    const edit = {
      page: 'home',
      name: 'edit',
      locator: { strategy: 'role', role: 'button', name: 'Edit' },
    } as const;
    const fill = { kind: 'fill', target: box, value: 'x' } as const;
    expect(renderAction(fill, { kind: 'click', target: edit })).toBe(
      "await expect(home.title).toHaveCount(1);\nawait home.title.fill('x');",
    );
    expect(renderAction(fill, { kind: 'press', target: edit, key: 'Enter' })).toContain('toHaveCount(1)');
    expect(renderAction(fill, { kind: 'click', target: box })).toBe("await home.title.fill('x');");
    expect(renderAction(fill, { kind: 'fill', target: edit, value: 'y' })).toBe(
      "await home.title.fill('x');",
    );
    expect(renderAction(fill, { kind: 'goto', page: 'home', path: '/' })).toBe("await home.title.fill('x');");
    expect(renderAction(fill)).toBe("await home.title.fill('x');");
  });

  it('marks a test slow once it replays a flow of several actions, and only then', () => {
    const target = {
      page: 'home',
      name: 'title',
      locator: { strategy: 'role', role: 'textbox', name: 'Title' },
    } as const;
    const withActions = (count: number) =>
      renderUiTest({
        ...{
          id: 'flow',
          title: 'A flow',
          kind: 'state',
          page: 'home',
          priority: 'normal',
          viewport: 'desktop',
        },
        covers: ['interaction create'],
        steps: [
          {
            title: 'replay',
            phase: 'arrange',
            actions: [
              { kind: 'goto', page: 'home', path: '/' },
              ...Array.from({ length: count - 1 }, () => ({ kind: 'fill' as const, target, value: 'x' })),
            ],
            assertions: [],
          },
        ],
      });
    expect(withActions(SLOW_TEST_ACTIONS)).toContain('\n  test.slow();\n');
    expect(withActions(SLOW_TEST_ACTIONS - 1)).not.toContain('test.slow()');
  });
});
