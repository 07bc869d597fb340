import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test-render.tsx';
import { JobPage } from './job-page.tsx';

const TASK = '6f1c1d2e-0000-4000-8000-000000000002';

// The stream ends at once: the task read before it still says running.
vi.mock('../../api/job-stream.ts', () => ({
  followJob: (_id: string, handlers: { onEnd?: () => void }) => {
    setTimeout(() => handlers.onEnd?.(), 0);
    return () => undefined;
  },
}));

/** The first read answers running; later reads answer `final` once `release` is called. */
function taskAnswers(final: string): { release: () => void } {
  let read = 0;
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
    const status = read++ === 0 ? 'running' : final;
    if (status !== 'running') await released;
    const task = {
      id: TASK,
      kind: 'api-tests',
      status,
      project_id: 'shop',
      finished_at: status === 'running' ? null : '2026-12-04T10:00:00Z',
      errors: [],
    };
    return new Response(JSON.stringify(task), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  return { release: () => release() };
}

afterEach(() => vi.restoreAllMocks());

describe('JobPage', () => {
  it('says finished only with a final status, never beside a running badge', async () => {
    const answers = taskAnswers('failed');
    renderWithProviders(
      <Routes>
        <Route path="/jobs/:taskId" element={<JobPage />} />
      </Routes>,
      { route: `/jobs/${TASK}` },
    );
    expect(await screen.findByText('Reading the final status…')).toBeTruthy();
    expect(screen.queryByText(/^Finished/)).toBeNull();
    expect(screen.getByText('running')).toBeTruthy();
    answers.release();
    expect(await screen.findByText(/^Finished/)).toBeTruthy();
    expect(screen.getByText('failed')).toBeTruthy();
  });
});
