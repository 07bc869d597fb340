import { describe, expect, it } from 'vitest';
import type { PageFigures, RunReport } from '../../../src/core/run-report.ts';
import { explorationWarning } from '../../../src/emit/report/exploration-warning.ts';
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
