import { seededRandom } from './seeded-random.ts';

// Inputs for the other parsers, sized by a count: Jira JSON and CSV defect exports, an OpenAPI
// spec with many operations, and test files (Allure TestOps as code, pytest, Playwright) with
// many tests in one file. Deterministic, like the requirement documents.

const COMPONENTS = ['Compute', 'Storage', 'Network', 'Billing', 'Catalogue'];
const PRIORITIES = ['Blocker', 'Critical', 'Major', 'Minor'];

export function jiraJson(issues: number): string {
  const random = seededRandom(2);
  const list = Array.from({ length: issues }, (_, index) => ({
    key: `CALC-${index + 1}`,
    fields: {
      summary: `Attaching a disk of ${random.int(1, 4096)} GB to VM ${index} fails with "quota, exceeded"`,
      components: [{ name: random.pick(COMPONENTS) }],
      priority: { name: random.pick(PRIORITIES) },
      created: `2026-0${random.int(1, 9)}-1${random.int(0, 9)}T09:14:03.000+0300`,
      resolution: random.next() < 0.5 ? { name: 'Fixed' } : null,
    },
  }));
  return JSON.stringify({ issues: list }, null, 2);
}

export function defectsCsv(rows: number): string {
  const random = seededRandom(3);
  const lines = ['Issue key,Summary,Component/s,Priority,Created,Resolution'];
  for (let index = 0; index < rows; index++)
    lines.push(
      `CALC-${index + 1},"Price of ${random.int(1, 99)} instances is wrong, ""again""
on the second line",${random.pick(COMPONENTS)},${random.pick(PRIORITIES)},0${random.int(1, 9)}/Oct/26 6:03 PM,Fixed`,
    );
  return `${lines.join('\r\n')}\r\n`;
}

/** An OpenAPI 3.0 spec of `operations` operations: four per resource, with shared schemas. */
export function openApiSpec(operations: number): string {
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, unknown> = {};
  for (let index = 0; index < operations / 4; index++) {
    const name = `Resource${index}`;
    schemas[name] = {
      type: 'object',
      required: ['name'],
      properties: {
        id: { type: 'string', format: 'uuid', readOnly: true },
        name: { type: 'string', minLength: 1, maxLength: 64 },
        size: { type: 'integer', minimum: 1, maximum: 4096 },
        tags: { type: 'array', items: { type: 'string' }, maxItems: 10 },
      },
    };
    const ref = { $ref: `#/components/schemas/${name}` };
    const body = { required: true, content: { 'application/json': { schema: ref } } };
    const answer = (status: string) => ({
      [status]: { description: 'ok', content: { 'application/json': { schema: ref } } },
    });
    const id = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];
    paths[`/api/v1/resources${index}`] = {
      get: { operationId: `list${name}`, responses: { '200': { description: 'ok' } } },
      post: {
        operationId: `create${name}`,
        requestBody: body,
        responses: { ...answer('201'), '422': { description: 'invalid' } },
      },
    };
    paths[`/api/v1/resources${index}/{id}`] = {
      get: {
        operationId: `get${name}`,
        parameters: id,
        responses: { ...answer('200'), '404': { description: 'missing' } },
      },
      delete: { operationId: `delete${name}`, parameters: id, responses: { '204': { description: 'gone' } } },
    };
  }
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Generated', version: '1.0.0' },
    servers: [{ url: 'http://127.0.0.1:8080' }],
    paths,
    components: { schemas },
  });
}

/** One Allure TestOps as code module with `cases` manual cases (one class). */
export function allureModule(cases: number): string {
  const methods = Array.from(
    { length: cases },
    (_, n) => `    @allure.title("Case ${n}: disk ${n} is priced")
    @allure.link("https://tracker.example.com/browse/CALC-${n}", name="CALC-${n}")
    @allure.tag("NORMAL")
    @allure.label("priority", "NORMAL")
    def test_disk_${n}_is_priced(self) -> None:
        """Disk ${n} appears in the total."""
        with allure_step("Arrange: open the calculator and choose configuration ${n % 7}"):
            pass
        with allure_step("Act: add disk ${n} of ${10 * (n + 1)} GB → the disk line appears"):
            pass
        with allure_step("Assert: the total includes disk ${n}"):
            pass
`,
  );
  return `import allure
import pytest
from allure import step as allure_step


@allure.manual
@allure.label("owner", "qa")
@allure.feature("Price calculator")
@allure.story("Disks")
@allure.suite("UI")
@pytest.mark.manual
class TestDisks:
${methods.join('\n')}`;
}

/** One Playwright spec with `tests` API tests. */
export function playwrightSpec(tests: number): string {
  const blocks = Array.from(
    { length: tests },
    (_, n) => `  test('GET /api/v1/items/${n} answers 200', async ({ request }) => {
    const response = await test.step('Act: GET /api/v1/items/${n}', () => request.get('/api/v1/items/${n}'));
    await test.step('Assert: status 200', () => {
      expect(response.status()).toBe(200);
    });
  });
`,
  );
  return `import { test, expect } from '@playwright/test';\n\ntest.describe('items', () => {\n${blocks.join('\n')}});\n`;
}
