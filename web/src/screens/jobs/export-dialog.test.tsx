import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLocation } from 'react-router';
import { renderWithProviders } from '../../test-render.tsx';
import { ExportDialog } from './export-dialog.tsx';

const TASK = '6f1c1d2e-0000-4000-8000-000000000001';
const EXPORT_TASK = '6f1c1d2e-0000-4000-8000-000000000002';
const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

/** The service as the dialog sees it: answers by method and path, recording every call. */
function service(answers: Record<string, () => Response>) {
  const calls: { call: string; body: unknown }[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const call = `${init?.method ?? 'GET'} ${String(input)}`;
    calls.push({ call, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const answer = answers[call];
    return Promise.resolve(answer ? answer() : json(404, { error: { code: 'X', message: call } }));
  });
  return calls;
}

const accepted = () =>
  json(202, {
    request_id: EXPORT_TASK,
    status: 'pending',
    stream_url: `/api/v1/stream/${EXPORT_TASK}`,
    task_url: `/api/v1/tasks/${EXPORT_TASK}`,
  });

function Where() {
  return <output aria-label="location">{useLocation().pathname}</output>;
}

function open() {
  const onClose = vi.fn();
  renderWithProviders(
    <>
      <ExportDialog projectId="shop" taskId={TASK} opened onClose={onClose} />
      <Where />
    </>,
    { route: `/jobs/${TASK}` },
  );
  return onClose;
}

afterEach(() => vi.restoreAllMocks());

describe('ExportDialog', () => {
  it('sends a GitLab export naming a stored secret, then opens the new job', async () => {
    const calls = service({
      'GET /api/v1/projects/shop/secrets': () => json(200, { names: ['gitlab-token'] }),
      'POST /api/v1/export': accepted,
    });
    const onClose = open();
    await screen.findByRole('option', { name: 'gitlab-token' });
    await userEvent.type(screen.getByLabelText(/^Repository/), 'qa/shop-tests');
    await userEvent.type(screen.getByLabelText(/^Branch/), 'testops/suite');
    await userEvent.type(screen.getByLabelText(/^Folder in the repository/), 'tests/api');
    await userEvent.click(screen.getByLabelText('Add a CI job that runs the suite'));
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(screen.getByLabelText('location')).toHaveTextContent(`/jobs/${EXPORT_TASK}`));
    expect(onClose).toHaveBeenCalled();
    expect(calls.map((item) => item.call)).toEqual([
      'GET /api/v1/projects/shop/secrets',
      'POST /api/v1/export',
    ]);
    expect(calls[1]!.body).toEqual({
      project_id: 'shop',
      task_id: TASK,
      target: {
        vendor: 'gitlab',
        repo: 'qa/shop-tests',
        branch: 'testops/suite',
        path: 'tests/api',
        ci: true,
        token_secret: 'gitlab-token',
      },
      dry_run: false,
    });
  });

  it('stores a new Jira token through the secrets route first and never sends it in the export', async () => {
    const calls = service({
      'GET /api/v1/projects/shop/secrets': () => json(200, { names: [] }),
      'POST /api/v1/projects/shop/secrets': () => json(204, null),
      'POST /api/v1/export': accepted,
    });
    open();
    await userEvent.selectOptions(screen.getByLabelText('Send to'), 'jira');
    await userEvent.type(screen.getByLabelText(/^Jira site URL/), 'https://acme.atlassian.net');
    await userEvent.type(screen.getByLabelText(/^Project key/), 'CALC');
    await userEvent.type(screen.getByLabelText(/^Account email/), 'qa@acme.test');
    await userEvent.click(screen.getByLabelText('Set the priority'));
    await userEvent.type(screen.getByLabelText('Secret name'), 'jira-cloud');
    await userEvent.type(screen.getByLabelText(/^Token value/), 's3cr3t-token');
    await userEvent.click(screen.getByLabelText(/^Dry run/));
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(screen.getByLabelText('location')).toHaveTextContent(`/jobs/${EXPORT_TASK}`));
    const posts = calls.filter((item) => item.call.startsWith('POST'));
    expect(posts).toEqual([
      { call: 'POST /api/v1/projects/shop/secrets', body: { name: 'jira-cloud', value: 's3cr3t-token' } },
      {
        call: 'POST /api/v1/export',
        body: {
          project_id: 'shop',
          task_id: TASK,
          target: {
            vendor: 'jira',
            base_url: 'https://acme.atlassian.net',
            email: 'qa@acme.test',
            project_key: 'CALC',
            issue_type: 'Bug',
            priority: false,
            token_secret: 'jira-cloud',
          },
          dry_run: true,
        },
      },
    ]);
  });

  it('shows a refused export with the service’s hint and keeps the token out of the form', async () => {
    service({
      'GET /api/v1/projects/shop/secrets': () => json(200, { names: [] }),
      'POST /api/v1/projects/shop/secrets': () => json(204, null),
      'POST /api/v1/export': () =>
        json(400, {
          error: {
            code: 'TESTOPS_INVALID_REQUEST',
            message:
              'target.repo: the repository was not found.\nTip: give group/project as shown in its URL.',
            request_id: 'req-9',
            details: [{ where: 'body.target.repo', problem: 'not found' }],
          },
        }),
    });
    open();
    await userEvent.type(screen.getByLabelText(/^Repository/), 'nope');
    await userEvent.type(screen.getByLabelText(/^Branch/), 'b');
    await userEvent.type(screen.getByLabelText(/^Token value/), 'glpat-123');
    await userEvent.click(screen.getByRole('button', { name: 'Export' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Error TESTOPS_INVALID_REQUEST');
    expect(alert).toHaveTextContent('Tip: give group/project as shown in its URL.');
    expect(alert).toHaveTextContent('body.target.repo');
    // The token was stored as "gitlab-token"; the form now names that secret and holds no value.
    expect((screen.getByLabelText('Token') as HTMLSelectElement).value).toBe('gitlab-token');
    expect(screen.queryByLabelText(/^Token value/)).toBeNull();
    expect(document.body.innerHTML).not.toContain('glpat-123');
    expect(screen.getByLabelText('location')).toHaveTextContent(`/jobs/${TASK}`);
  });
});
