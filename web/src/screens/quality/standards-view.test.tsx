import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test-render.tsx';
import type { StandardsReport } from './report-types.ts';
import { StandardsView } from './standards-view.tsx';

const finding = (ruleId: string, line: number) => ({
  ruleId,
  severity: 'error' as const,
  file: 'tests/test_login.py',
  line,
  column: 1,
  message: `${ruleId} broken`,
  recommendation: `fix ${ruleId}`,
  test: undefined,
});

describe('StandardsView', () => {
  it('groups findings by rule, most frequent first, with file:line and the fix', async () => {
    const report: StandardsReport = {
      summary: { files: 1, tests: 2, errors: 3, warnings: 0, info: 0, score: 70 },
      files: [
        {
          file: 'tests/test_login.py',
          score: 70,
          findings: [finding('allure-title', 3), finding('has-assert', 5), finding('has-assert', 9)],
        },
      ],
    };
    renderWithProviders(<StandardsView report={report} />);
    const rules = screen.getAllByRole('button', { name: /finding/ });
    expect(rules.map((rule) => rule.textContent)).toEqual([
      expect.stringContaining('has-assert2 findings'),
      expect.stringContaining('allure-title1 finding'),
    ]);
    await userEvent.click(rules[0]!);
    expect(screen.getByText('tests/test_login.py:9')).toBeTruthy();
    expect(screen.getByText('Fix: fix has-assert')).toBeTruthy();
  });
});
