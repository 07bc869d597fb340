import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { githubDescription } from './fakes/fake-github.ts';
import { OpenApiRequestValidator } from './fakes/openapi-request-validator.ts';

// The fakes' request checks must catch a request built wrong, or the export tests prove nothing.
describe('the fakes’ OpenAPI request validation', () => {
  const github = new OpenApiRequestValidator(githubDescription(), '/api/v3');
  const gitlab = new OpenApiRequestValidator(
    JSON.parse(readFileSync(new URL('./fakes/gitlab-api-v4.json', import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >,
    '/api/v4',
  );
  const none = new URLSearchParams();

  it('passes the calls an export makes, a multi-segment ref included', () => {
    expect(
      github.check('GET', '/api/v3/repos/acme/platform/git/ref/heads/testops/api', none, undefined),
    ).toEqual({
      operation: 'GET /repos/{owner}/{repo}/git/ref/{ref}',
      problems: [],
    });
    const tree = {
      base_tree: 'a'.repeat(40),
      tree: [{ path: 'x.ts', mode: '100644', type: 'blob', sha: null }],
    };
    expect(github.check('POST', '/api/v3/repos/acme/platform/git/trees', none, tree).problems).toEqual([]);
  });

  it('refuses a body, a query parameter or an operation GitHub does not document', () => {
    const badMode = { tree: [{ path: 'x.ts', mode: '100645', type: 'blob', sha: 'a'.repeat(40) }] };
    expect(
      github.check('POST', '/api/v3/repos/acme/platform/git/trees', none, badMode).problems[0],
    ).toContain('must be equal to one of the allowed values');
    expect(github.check('POST', '/api/v3/repos/acme/platform/git/blobs', none, {}).problems[0]).toContain(
      "must have required property 'content'",
    );
    expect(
      github.check('GET', '/api/v3/repos/acme/platform/pulls', new URLSearchParams({ heads: 'x' }), undefined)
        .problems,
    ).toEqual(['GET /repos/{owner}/{repo}/pulls: query parameter heads is not declared']);
    expect(github.check('PUT', '/api/v3/repos/acme/platform/git/blobs', none, {}).problems[0]).toContain(
      'no operation',
    );
  });

  it('refuses a GitLab commit with a misspelt action, a missing field, or an unencoded project path', () => {
    const commit = (actions: unknown[]) => ({ branch: 'b', commit_message: 'm', actions });
    expect(
      gitlab.check(
        'POST',
        '/api/v4/projects/qa%2Fcompute/repository/commits',
        none,
        commit([{ action: 'create', file_path: 'a', content: 'x', encoding: 'base64' }]),
      ).problems,
    ).toEqual([]);
    expect(
      gitlab.check(
        'POST',
        '/api/v4/projects/qa%2Fcompute/repository/commits',
        none,
        commit([{ action: 'craete', file_path: 'a' }]),
      ).problems,
    ).toHaveLength(1);
    expect(
      gitlab.check('POST', '/api/v4/projects/qa%2Fcompute/repository/commits', none, {
        branch: 'b',
        actions: [],
      }).problems[0],
    ).toContain('commit_message');
    expect(
      gitlab.check('GET', '/api/v4/projects/qa/compute/repository/tree', none, undefined).problems[0],
    ).toContain('no operation');
    expect(
      gitlab.check(
        'GET',
        '/api/v4/projects/7/repository/tree',
        new URLSearchParams({ per_page: '500' }),
        undefined,
      ).problems[0],
    ).toContain('per_page');
  });
});
