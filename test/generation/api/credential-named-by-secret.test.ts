import { describe, expect, it } from 'vitest';
import { ResourceGraph } from '../../../src/core/resource-graph.ts';
import { identifierFields } from '../../../src/core/resource-names.ts';
import { SchemaContext } from '../../../src/generation/api/schema-context.ts';
import { jsonContent, modelOfDocument, suiteOfDocument } from '../../support/api-document.ts';

// Unleash's invite links: `POST /invite-link/tokens` answers `{ secret, name, url }`, and the item
// path calls the token `{token}`: the token is its secret. A personal token beside it
// (`/user/tokens/{id}`) is named by its id, and `/invite/{token}` takes a token that no create here
// can be told apart as making, so neither may take a secret.

const invite = {
  type: 'object',
  required: ['secret', 'name', 'url'],
  properties: { secret: { type: 'string' }, name: { type: 'string' }, url: { type: 'string' } },
};
const personal = {
  type: 'object',
  required: ['id', 'secret'],
  properties: { id: { type: 'integer' }, secret: { type: 'string' } },
};
const inviteRequest = {
  type: 'object',
  required: ['name'],
  properties: { name: { type: 'string' }, expiresAt: { type: 'string', format: 'date-time' } },
};
const token = [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }];
const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }];
const spec = {
  openapi: '3.0.3',
  info: { title: 'tokens', version: '1' },
  paths: {
    '/user/tokens': {
      post: {
        requestBody: {
          required: true,
          ...jsonContent({ type: 'object', properties: { description: { type: 'string' } } }),
        },
        responses: { '201': { description: 'made', ...jsonContent(personal) } },
      },
    },
    '/user/tokens/{id}': { delete: { parameters: id, responses: { '200': { description: 'gone' } } } },
    '/invite-link/tokens': {
      post: {
        requestBody: { required: true, ...jsonContent(inviteRequest) },
        responses: { '201': { description: 'made', ...jsonContent(invite) } },
      },
    },
    '/invite-link/tokens/{token}': {
      get: { parameters: token, responses: { '200': { description: 'one', ...jsonContent(invite) } } },
      put: {
        parameters: token,
        requestBody: { required: true, ...jsonContent(inviteRequest) },
        responses: { '200': { description: 'changed', ...jsonContent(invite) } },
      },
    },
    '/invite/{token}/validate': {
      get: { parameters: token, responses: { '200': { description: 'valid' } } },
    },
  },
};

describe('a credential named by its value', () => {
  it('takes the answered secret for a {token} or {key} of its own kind only', () => {
    expect(identifierFields('token', 'invite_link_token')).toContain('secret');
    expect(identifierFields('key', 'api_key')).toContain('secret');
    expect(identifierFields('token', 'invite')).not.toContain('secret');
    expect(identifierFields('id', 'token')).not.toContain('secret');
  });

  it("links the invite link's create to its item path by the secret, beside the personal tokens", () => {
    const model = modelOfDocument(spec, 'tokens.json');
    const graph = new ResourceGraph(model, new SchemaContext(model));
    const links = graph.kinds.find((kind) => kind.itemPath === '/invite-link/tokens/{token}')!;
    expect(links).toMatchObject({ idParam: 'token', createIdPath: 'secret', readIdPath: 'secret' });
    expect(links.create?.path).toBe('/invite-link/tokens');
    expect(graph.byName('token')).toMatchObject({ itemPath: '/user/tokens/{id}', createIdPath: 'id' });
    // A personal token's secret is not an invite: no kind lives at /invite/{token}.
    expect(graph.kinds.some((kind) => kind.itemPath.startsWith('/invite/'))).toBe(false);
  });

  it("reads and changes the suite's own invite link, with no --var", () => {
    const suite = suiteOfDocument(spec, 'tokens.json');
    const lifecycle = suite.cases.find((testCase) => testCase.kind === 'stateful')!;
    expect(lifecycle.title).toMatch(/create, read, update, read back/);
    const [create, read] = lifecycle.steps;
    expect(create!.saves).toContainEqual({ name: 'id', path: 'secret', from: 'response' });
    expect(read!.request.pathParams.token).toEqual({ kind: 'saved', name: 'id' });
    const positiveRead = suite.cases.find(
      (testCase) => testCase.kind === 'positive' && testCase.operation === 'GET /invite-link/tokens/{token}',
    );
    // The documented read on an invite link the suite made first, named by its secret.
    expect(positiveRead?.uses).toEqual([{ alias: 'invite_link_token', resource: 'invite_link_token' }]);
    expect(positiveRead?.steps.at(-1)?.request.pathParams.token).toEqual({
      kind: 'resource',
      alias: 'invite_link_token',
      field: 'id',
    });
  });
});
