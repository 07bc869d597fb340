import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test-render.tsx';
import { ProjectSecrets } from './project-secrets.tsx';

const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

/** A project's secrets as the service keeps them: names answered, values taken and never returned. */
function service(initial: string[]) {
  const names = new Set(initial);
  const calls: { call: string; body: unknown }[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const call = `${init?.method ?? 'GET'} ${String(input)}`;
    const body = init?.body ? (JSON.parse(String(init.body)) as { name: string; value: string }) : undefined;
    calls.push({ call, body });
    if (call === 'GET /api/v1/projects/shop/secrets')
      return Promise.resolve(json(200, { names: [...names] }));
    if (call === 'POST /api/v1/projects/shop/secrets') {
      names.add(body!.name);
      return Promise.resolve(json(204, null));
    }
    const deleted = /^DELETE \/api\/v1\/projects\/shop\/secrets\/(.+)$/.exec(call)?.[1];
    if (deleted && names.delete(decodeURIComponent(deleted))) return Promise.resolve(json(204, null));
    return Promise.resolve(
      json(404, {
        error: { code: 'TESTOPS_SECRET_NOT_FOUND', message: `no such secret: ${call}`, request_id: 'r' },
      }),
    );
  });
  return calls;
}

afterEach(() => vi.restoreAllMocks());

describe('ProjectSecrets', () => {
  it('adds a secret through the secrets route, lists its name and drops the value from the form', async () => {
    const calls = service(['jira-token']);
    renderWithProviders(<ProjectSecrets projectId="shop" />);
    expect(await screen.findByText('jira-token')).toBeTruthy();
    await userEvent.type(screen.getByLabelText(/^Secret name/), 'gitlab-token');
    await userEvent.type(screen.getByLabelText(/^Value/), 'glpat-secret');
    await userEvent.click(screen.getByRole('button', { name: 'Add secret' }));
    expect(await screen.findByText('gitlab-token')).toBeTruthy();
    expect(calls.find((item) => item.call.startsWith('POST'))?.body).toEqual({
      name: 'gitlab-token',
      value: 'glpat-secret',
    });
    expect((screen.getByLabelText(/^Value/) as HTMLInputElement).value).toBe('');
    expect(document.body.innerHTML).not.toContain('glpat-secret');
  });

  it('deletes a secret and shows the list without it', async () => {
    const calls = service(['jira-token', 'gitlab-token']);
    renderWithProviders(<ProjectSecrets projectId="shop" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Delete gitlab-token' }));
    await waitFor(() => expect(screen.queryByText('gitlab-token')).toBeNull());
    expect(screen.getByText('jira-token')).toBeTruthy();
    expect(calls.map((item) => item.call)).toContain('DELETE /api/v1/projects/shop/secrets/gitlab-token');
  });
});
