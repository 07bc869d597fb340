import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, requirementItems, submissions } from './submissions.ts';

describe('submissions', () => {
  it('sends an uploaded spec inline with credentials as headers and secret variables, never as plain variables', () => {
    const [main, ...rest] = submissions(
      {
        ...EMPTY_FORM,
        specText: 'openapi: 3.0.0',
        baseUrl: ' http://127.0.0.1:4010 ',
        headers: 'Authorization: Bearer t0ken\n\n',
        operations: 'GET /api/v1/vms\n listVms ',
        variables: 'project_id=42',
        secretVariables: 'password = hunter22',
        repeat: 2,
      },
      'billing',
    );
    expect(rest).toEqual([]);
    expect(main).toEqual({
      path: '/api/v1/generate/api-tests',
      body: {
        project_id: 'billing',
        openapi_spec: 'openapi: 3.0.0',
        base_url: 'http://127.0.0.1:4010',
        endpoints: ['GET /api/v1/vms', 'listVms'],
        options: {
          format: 'playwright-ts',
          run: true,
          repeat: 2,
          allow_writes: false,
          headers: ['Authorization: Bearer t0ken'],
          variables: { project_id: '42' },
          secret_variables: { password: 'hunter22' },
        },
      },
    });
  });

  it('does not ask to run a suite without a base URL, and adds the plan when asked', () => {
    const sent = submissions({ ...EMPTY_FORM, specUrl: 'https://x.test/openapi.json', plan: true }, 'p');
    expect(sent.map((item) => item.path)).toEqual([
      '/api/v1/generate/api-tests',
      '/api/v1/test-plan/generate',
    ]);
    expect(sent[0]!.body).toMatchObject({
      openapi_url: 'https://x.test/openapi.json',
      options: { run: false },
    });
    expect(sent[1]!.body).toMatchObject({ openapi_url: 'https://x.test/openapi.json' });
  });

  it('turns the model off for page and requirement sources when switched off', () => {
    const [page] = submissions(
      { ...EMPTY_FORM, source: 'page', pageUrl: 'https://app.test/', model: false },
      'p',
    );
    expect(page!.body).toMatchObject({
      url: 'https://app.test/',
      test_type: 'automated',
      options: { llm: 'off' },
    });
    const [cases] = submissions({ ...EMPTY_FORM, source: 'requirements', requirements: 'A\n\nB' }, 'p');
    expect(cases!.body).toMatchObject({
      requirements: ['A', 'B'],
      test_type: 'manual',
      options: { llm: 'auto' },
    });
  });

  it('splits requirements on blank lines', () => {
    expect(requirementItems('REQ-1 a\nmore\n  \nREQ-2 b\n')).toEqual(['REQ-1 a\nmore', 'REQ-2 b']);
  });
});
