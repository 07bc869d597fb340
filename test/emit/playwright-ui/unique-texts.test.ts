import { describe, expect, it } from 'vitest';
import type { UiSuite, UiTestCase } from '../../../src/core/ui-test-case.ts';
import { emitPlaywrightUiSuite } from '../../../src/emit/playwright-ui/emit-playwright-ui-suite.ts';
import { marksOf, withUniqueTexts } from '../../../src/emit/playwright-ui/unique-texts.ts';

const title = {
  page: 'home',
  name: 'titleBox',
  locator: { strategy: 'class', tag: 'input', className: 'title' },
} as const;
const saved = {
  page: 'home',
  name: 'testQzkwxjHeading',
  locator: { strategy: 'role', role: 'heading', name: 'test qzkwxj', exact: true },
} as const;
const save = {
  page: 'home',
  name: 'save',
  locator: { strategy: 'role', role: 'button', name: 'Save' },
} as const;

const create: UiTestCase = {
  id: 'create',
  title: 'saving "test qzkwxj" shows it',
  page: 'home',
  kind: 'interaction',
  priority: 'high',
  viewport: 'desktop',
  covers: ['interaction home/save test qzkwxj'],
  steps: [
    {
      phase: 'arrange',
      title: 'open home',
      actions: [{ kind: 'goto', page: 'home', path: '/' }],
      assertions: [],
    },
    {
      phase: 'act',
      title: 'type "test qzkwxj" and save',
      actions: [
        { kind: 'fill', target: title, value: 'test qzkwxj', mark: 'qzkwxj' },
        { kind: 'click', target: save },
      ],
      assertions: [],
    },
    {
      phase: 'assert',
      title: 'the new item',
      actions: [],
      assertions: [
        { kind: 'visible', target: saved },
        { kind: 'text', target: saved, text: 'test qzkwxj' },
      ],
    },
  ],
} as unknown as UiTestCase;

const suite = {
  title: 'Notes',
  origin: 'http://127.0.0.1:4310',
  failOnA11y: false,
  skipped: [],
  viewports: { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } },
  pages: [{ id: 'home', title: 'Home', path: '/', locators: [title, saved, save] }],
  cases: [create],
} as unknown as UiSuite;

describe('texts a test creates, new to the app each run', () => {
  it('are found by the marks of the suite’s fills', () => {
    expect(marksOf(suite)).toEqual(['qzkwxj']);
  });

  it('are typed and expected with the run’s own letters; titles keep the explored text', () => {
    const files = emitPlaywrightUiSuite(suite, { baseUrl: 'http://127.0.0.1:4310' });
    const spec = files['tests/home.spec.ts']!;
    expect(spec).toContain(".fill(uniqueText('test qzkwxj', 'qzkwxj'));");
    expect(spec).toContain("import { uniqueText } from '../support/unique-text.ts';");
    expect(spec).toContain('test(\'saving "test qzkwxj" shows it\'');
    expect(spec).toContain('test.step(\'Act: type "test qzkwxj" and save\'');
    expect(spec).toContain("description: 'interaction home/save test qzkwxj'");
    const pageObject = files['pages/home.page.ts']!;
    expect(pageObject).toContain(
      "page.getByRole('heading', { name: uniqueText('test qzkwxj', 'qzkwxj'), exact: true })",
    );
    expect(pageObject).toContain("import { uniqueText } from '../support/unique-text.ts';");
    expect(pageObject).toContain("page.locator('input.title')");
    expect(files['support/unique-text.ts']).toContain('export function uniqueText(');
  });

  it('leave code without marks, and comment lines, as they are', () => {
    const code = "import { x } from 'y';\n// 'test qzkwxj'\nawait a.fill('other');";
    expect(withUniqueTexts(code, ['qzkwxj'])).toBe(code);
    expect(withUniqueTexts(code, [])).toBe(code);
  });
});
