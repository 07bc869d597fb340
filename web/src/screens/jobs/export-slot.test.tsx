import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test-render.tsx';
import { ExportSlot } from './export-slot.tsx';

const TASK = '6f1c1d2e-0000-4000-8000-000000000001';

function service(paths: Record<string, unknown>) {
  vi.spyOn(globalThis, 'fetch').mockImplementation((input) =>
    Promise.resolve(
      new Response(JSON.stringify(String(input) === '/openapi.json' ? { paths } : { names: [] }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    ),
  );
}

afterEach(() => vi.restoreAllMocks());

describe('ExportSlot', () => {
  it('opens the export dialog from the keyboard and closes it with Escape', async () => {
    service({ '/api/v1/export': { post: { summary: 'Export' } } });
    renderWithProviders(<ExportSlot projectId="shop" taskId={TASK} />);
    const button = await screen.findByRole('button', { name: 'Export' });
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Export this task' })).toBeTruthy();
    expect(screen.getByLabelText('Send to')).toBeTruthy();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('draws nothing when the service offers no export', async () => {
    service({ '/api/v1/tasks': { get: {} } });
    const { container } = renderWithProviders(<ExportSlot projectId="shop" taskId={TASK} />);
    await waitFor(() => expect(globalThis.fetch).toHaveBeenCalled());
    // Let the routes answer be read and rendered before looking.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(container.querySelector('button')).toBeNull();
  });
});
