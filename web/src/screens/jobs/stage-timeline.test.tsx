import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test-render.tsx';
import { EMPTY_TIMELINE } from './job-timeline.ts';
import { StageTimeline } from './stage-timeline.tsx';

describe('StageTimeline', () => {
  it('shows each stage with its duration and the runs with their counts', () => {
    renderWithProviders(
      <StageTimeline
        timeline={{
          ...EMPTY_TIMELINE,
          percent: 50,
          stages: [
            { name: 'design', state: 'done', durationMs: 1500, detail: undefined },
            { name: 'run', state: 'running', durationMs: undefined, detail: '3 runs' },
          ],
          runs: [{ attempt: 1, of: 3, tests: 40, passed: 40, failed: 0 }],
        }}
      />,
    );
    expect(screen.getByText('done in 1.5 s')).toBeTruthy();
    expect(screen.getByText('running… · 3 runs')).toBeTruthy();
    expect(screen.getByText('Run 1 of 3: 40 tests — 40 passed, 0 failed')).toBeTruthy();
    expect(screen.getByLabelText('Progress 50 %')).toBeTruthy();
  });

  it('says it is waiting before the first stage', () => {
    renderWithProviders(<StageTimeline timeline={EMPTY_TIMELINE} />);
    expect(screen.getByText('Waiting for the first stage…')).toBeTruthy();
  });
});
