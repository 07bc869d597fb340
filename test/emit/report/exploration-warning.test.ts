import { describe, expect, it } from 'vitest';
import type { PageFigures, RunReport } from '../../../src/core/run-report.ts';
import { explorationLimitWarning, explorationWarning } from '../../../src/emit/report/exploration-warning.ts';
import { renderConsoleSummary, renderReportMarkdown } from '../../../src/emit/report/render-report.ts';

const page = (path: string, interactions: number, more: Partial<PageFigures> = {}): PageFigures => ({
  ...{ page: path, path, exploreMs: 1000, settled: true, elements: 3, interactions },
  ...{ tests: 4, delivered: 4, failed: 0, flaky: 0 },
  ...more,
});

const report = (pages: PageFigures[]): RunReport =>
  ({
    version: 1,
    kind: 'ui',
    generatedAt: '2026-01-01T00:00:00Z',
    target: { baseUrl: 'http://127.0.0.1:4000' },
    format: 'playwright-ts',
    operations: { total: pages.length, covered: pages.length, skipped: [] },
    tests: { generated: 4, delivered: 4, failed: 0, flaky: 0, skipped: 0 },
    executed: true,
    repeat: 3,
    suspectedDefects: [],
    findings: [],
    flaky: [],
    skippedTests: [],
    durations: {},
    pages,
  }) as unknown as RunReport;

describe('the warning that exploration found little to act on', () => {
  it('says so loudly, with a reason per page, in the console and in REPORT.md', () => {
    const thin = report([
      page('/', 0),
      page('/app', 0, { elements: 0 }),
      page('/busy', 0, { settled: false }),
    ]);
    expect(explorationWarning(thin)).toEqual([
      expect.stringMatching(
        /^Exploration found 0 interactions; 3 of 3 pages had none\..*cannot catch a broken create/,
      ),
      expect.stringMatching(/^\/: none of its 3 elements changed anything observable/),
      expect.stringMatching(/^\/app: no interactive element was found .*--login-steps/),
      '/busy: the page never settled, so nothing was tried on it',
    ]);
    expect(renderConsoleSummary(thin)).toContain('  ! Exploration found 0 interactions');
    expect(renderReportMarkdown(thin)).toContain('> **Warning:** Exploration found 0 interactions');
  });

  it('stays quiet when every page had an interaction', () => {
    const fine = report([page('/', 5), page('/list', 1)]);
    expect(explorationWarning(fine)).toBeUndefined();
    expect(renderConsoleSummary(fine)).not.toContain('!');
  });
});

describe('the warning that exploration stopped at its limits', () => {
  const cut = report([
    page('/projects', 9, { notes: ['1 elements without a unique locator skipped: button ""'] }),
    page('/projects/default', 11, {
      notes: [
        'check checkbox: locator.check: Clicking the checkbox did not change its state',
        '13 planned interactions not tried: the time budget was reached',
        'create flow-1 not probed (reload, own item): time limit reached',
      ],
    }),
  ]);

  it('names each page and what was cut, and says how to give it more time', () => {
    expect(explorationLimitWarning(cut)).toEqual([
      expect.stringMatching(/^Exploration stopped at its limits on 1 of 2 pages: .*--time-budget/),
      '/projects/default: 13 planned interactions not tried: the time budget was reached',
      '/projects/default: create flow-1 not probed (reload, own item): time limit reached',
    ]);
    expect(renderConsoleSummary(cut)).toContain('  ! Exploration stopped at its limits on 1 of 2 pages');
    expect(renderReportMarkdown(cut)).toContain('> **Warning:** Exploration stopped at its limits');
  });

  it("lists every page's notes in REPORT.md, limits or not", () => {
    const markdown = renderReportMarkdown(cut);
    expect(markdown).toContain(
      [
        '## What exploration could not do',
        '',
        '### `/projects`',
        '',
        '- 1 elements without a unique locator skipped: button ""',
        '',
        '### `/projects/default`',
        '',
        '- check checkbox: locator.check: Clicking the checkbox did not change its state',
      ].join('\n'),
    );
  });

  it('stays quiet when exploration kept within its limits', () => {
    const within = report([
      page('/', 5, { notes: ['1 elements without a unique locator skipped: link ""'] }),
    ]);
    expect(explorationLimitWarning(within)).toBeUndefined();
    expect(renderConsoleSummary(within)).not.toContain('!');
  });
});
