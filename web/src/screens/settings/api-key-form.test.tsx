import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readApiKey } from '../../api/api-key.ts';
import { renderWithProviders } from '../../test-render.tsx';
import { ApiKeyForm } from './api-key-form.tsx';

const answer = (status: number, body: unknown) =>
  vi
    .spyOn(globalThis, 'fetch')
    .mockResolvedValue(
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
    );

afterEach(() => vi.restoreAllMocks());

describe('ApiKeyForm', () => {
  it('keeps a key the service accepts and sends it as a Bearer token', async () => {
    const fetch = answer(200, { items: [], limit: 1, offset: 0 });
    renderWithProviders(<ApiKeyForm />);
    await userEvent.type(screen.getByLabelText('API key'), 'tok_good');
    await userEvent.click(screen.getByRole('button', { name: 'Save and check' }));
    expect(await screen.findByText('A key is saved and accepted.')).toBeTruthy();
    expect(readApiKey()).toBe('tok_good');
    expect(fetch.mock.calls[0]![1]?.headers).toMatchObject({ authorization: 'Bearer tok_good' });
  });

  it('drops a refused key and shows the service’s error', async () => {
    answer(401, {
      error: {
        code: 'TESTOPS_UNAUTHENTICATED',
        message: 'the API key is unknown or revoked',
        request_id: 'r',
      },
    });
    renderWithProviders(<ApiKeyForm />);
    await userEvent.type(screen.getByLabelText('API key'), 'tok_bad');
    await userEvent.click(screen.getByRole('button', { name: 'Save and check' }));
    expect(await screen.findByText('the API key is unknown or revoked')).toBeTruthy();
    expect(readApiKey()).toBeUndefined();
  });
});
