import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contractChanges } from '../../../src/emit/playwright-ts/runtime/contract.ts';
import { emitPytestSuite } from '../../../src/emit/pytest/emit-pytest-suite.ts';
import { generateApiSuite } from '../../../src/generation/api/generate-api-suite.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { findPython, runPython } from './python-runner.ts';

// The pytest suites' contract drift check (support/contract.py) must find what the Playwright
// suites' check finds, in the same words: one contract, two runtimes.

const RUNTIME = fileURLToPath(new URL('../../../src/emit/pytest/runtime', import.meta.url));
const python = findPython();
const workDir = mkdtempSync(join(tmpdir(), 'testops-contract-'));

const book = {
  type: 'object',
  required: ['id', 'title'],
  properties: { id: { type: 'integer' }, title: { type: 'string', description: 'prose' } },
};
const document = () => ({
  openapi: '3.0.3',
  info: { title: 'Books', version: '1' },
  paths: {
    '/books/{id}': {
      get: {
        summary: 'Get a book.',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
          { name: 'fields', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
        ],
        responses: {
          '200': {
            description: 'the book',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' } } },
            links: { Author: { operationId: 'getAuthor', parameters: { id: '$response.body#/authorId' } } },
          },
        },
        security: [{ key: [] }],
      },
    },
  },
  components: {
    schemas: { Book: structuredClone(book) },
    securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } },
  },
});
type Doc = ReturnType<typeof document> & Record<string, unknown>;
const changed = (edit: (served: Doc) => void): Doc => {
  const served = document() as Doc;
  edit(served);
  return served;
};
const get = (served: Doc) =>
  served.paths['/books/{id}'].get as Record<string, unknown> & Doc['paths']['/books/{id}']['get'];

const PAIRS: [string, unknown, unknown][] = [
  ['unchanged', document(), document()],
  [
    'prose, order and extensions only',
    document(),
    changed((served) => {
      served.info.version = '2';
      get(served).summary = 'Fetch one book.';
      get(served).parameters.reverse();
      served.components.schemas.Book.required.reverse();
      (get(served) as Record<string, unknown>)['x-internal'] = true;
    }),
  ],
  [
    'statuses, schemas, parameters, links, security',
    document(),
    changed((served) => {
      (get(served).responses as Record<string, unknown>)['404'] = { description: 'none' };
      (get(served).responses['200'] as { links: unknown }).links = {};
      (get(served).parameters[1] as { schema: unknown }).schema = { type: 'string' };
      served.components.schemas.Book.properties.id.type = 'string';
      (get(served) as Record<string, unknown>)['security'] = [{ bearer: [] }];
      delete (served.components.schemas.Book.properties as Record<string, unknown>)['title'];
      served.components.schemas.Book.required = ['id', 'isbn', 'Title', 'author_id'];
    }),
  ],
  [
    'an operation moved, a body added',
    document(),
    changed((served) => {
      const paths = served.paths as Record<string, unknown>;
      paths['/books/{id}/book'] = paths['/books/{id}'];
      delete paths['/books/{id}'];
      paths['/books'] = {
        post: {
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' } } } },
        },
      };
    }),
  ],
  [
    'a root that is no object',
    {
      paths: {
        '/a': {
          get: {
            responses: {
              '200': { description: 'x', content: { 'application/json': { schema: { maximum: 1 } } } },
            },
          },
        },
      },
    },
    [1],
  ],
];

let server: Server | undefined;

afterAll(async () => {
  if (server) await new Promise((resolve) => server!.close(resolve));
  rmSync(workDir, { recursive: true, force: true });
});

function requirePython(): string {
  if (!python) throw new Error('No python3 with pytest, httpx and jsonschema (set TESTOPS_PYTHON)');
  return python;
}

describe('the contract drift check of pytest suites', () => {
  it('names the same differences as the Playwright suites’ check, in the same words', async () => {
    const input = join(workDir, 'pairs.json');
    writeFileSync(input, JSON.stringify(PAIRS.map(([, before, after]) => [before, after])));
    const script =
      'import json, sys; from contract import contract_changes; ' +
      'print(json.dumps([contract_changes(a, b) for a, b in json.load(open(sys.argv[1]))], ensure_ascii=False))';
    const run = await runPython(requirePython(), ['-c', script, input], RUNTIME, { PYTHONPATH: RUNTIME });
    expect(run.code, run.output).toBe(0);
    const fromPython = JSON.parse(run.output) as string[][];
    PAIRS.forEach(([label, before, after], index) =>
      expect(fromPython[index], label).toEqual(contractChanges(before, after)),
    );
    expect(fromPython[0]).toEqual([]);
    expect(fromPython[1]).toEqual([]);
    expect(fromPython[2]).toContain('paths./books/{id}.get.responses.404: added');
    expect(fromPython[2]).toContain('paths./books/{id}.get.security.0.key: removed');
  });

  it('passes in an emitted suite while the served contract is unchanged, and names what drifted', async () => {
    const ping = {
      openapi: '3.0.3',
      info: { title: 'Ping', version: '1' },
      paths: {
        '/ping': {
          get: {
            summary: 'Ping.',
            responses: {
              '200': { description: 'pong', content: { 'application/json': { schema: { type: 'object' } } } },
            },
          },
        },
      },
    };
    let served: unknown = ping;
    server = createServer((request, response) => {
      const body = request.url === '/openapi.json' ? served : request.url === '/ping' ? {} : undefined;
      response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body ?? { detail: 'no route' }));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const specSource = `${baseUrl}/openapi.json`;
    const model = buildApiModel({
      location: specSource,
      sourceVersion: '3.0',
      document: ping,
      referenceIssues: [],
    });
    const suite = generateApiSuite(model, { specSource, baseUrl, servedDocument: structuredClone(ping) });
    const files = emitPytestSuite(suite, { baseUrl });
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'support/contract.py',
        'support/openapi-generated-from.json',
        'tests/test_contract.py',
      ]),
    );
    expect(files['tests/test_contract.py']).toContain('expect_same_contract(response)');
    const root = join(workDir, 'ping');
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    const check = () =>
      runPython(
        requirePython(),
        ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', 'tests/test_contract.py'],
        root,
        {
          API_BASE_URL: baseUrl,
        },
      );

    const unchanged = await check();
    expect(unchanged.code, unchanged.output.slice(-2000)).toBe(0);
    served = { ...structuredClone(ping), info: { title: 'Ping service', version: '2' } };
    const prose = await check();
    expect(prose.code, prose.output.slice(-2000)).toBe(0);

    const drifted = structuredClone(ping) as typeof ping & Record<string, unknown>;
    (drifted.paths['/ping'].get.responses as Record<string, unknown>)['503'] = { description: 'down' };
    served = drifted;
    const failed = await check();
    expect(failed.code).toBe(1);
    expect(failed.output).toContain("The API's document changed since this suite was generated");
    expect(failed.output).toContain('1 difference(s)');
    expect(failed.output).toContain('paths./ping.get.responses.503: added');
  }, 60_000);
});
