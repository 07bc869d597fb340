import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { renderWithProviders } from '../test-render.tsx';
import { ErrorPanel } from './error-panel.tsx';

describe('ErrorPanel', () => {
  it('shows the code, the fix, the details and the request id of a service error', () => {
    renderWithProviders(
      <ErrorPanel
        error={
          new ApiError({
            status: 400,
            code: 'TESTOPS_INVALID_REQUEST',
            message: 'the request does not match the API contract. See /docs.',
            requestId: 'req-1',
            details: [{ where: 'body.base_url', problem: 'an http(s) URL' }],
          })
        }
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Error TESTOPS_INVALID_REQUEST');
    expect(screen.getByText(/does not match the API contract/)).toBeTruthy();
    expect(screen.getByText('body.base_url')).toBeTruthy();
    expect(screen.getByText('req-1')).toBeTruthy();
  });

  it('offers the settings page when the service asks for a key', () => {
    renderWithProviders(
      <ErrorPanel error={new ApiError({ status: 401, code: 'TESTOPS_UNAUTHENTICATED', message: 'a key' })} />,
    );
    expect(screen.getByRole('link', { name: 'Enter an API key' }).getAttribute('href')).toBe('/settings');
  });
});
