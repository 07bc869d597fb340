import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComputeApiFaultName } from '../../examples/compute-api/faults.ts';
import type { HttpMethod } from '../../examples/compute-api/openapi-document.ts';
import {
  getOperation,
  httpMethods,
  loadComputeApiSpec,
} from '../../examples/compute-api/openapi-document.ts';
import { seedIds } from '../../examples/compute-api/seed-data.ts';
import type { ComputeApiServer } from '../../examples/compute-api/server.ts';
import { computeApiFaults, startComputeApi } from '../../examples/compute-api/server.ts';
import { openApiSchemaToJsonSchema } from '../../examples/compute-api/openapi-to-json-schema.ts';
import { createSpecAjv, specSchemaToJsonSchema } from '../../examples/compute-api/spec-ajv.ts';

// Black-box tests over real HTTP. Every response is checked against the schema openapi.yaml
// documents for its operation and status, exactly as a generated suite would.

const spec = loadComputeApiSpec();
const ajv = createSpecAjv(spec);
const responseValidators = new Map<string, ValidateFunction>();
const unknownUuid = '0b6f3f0e-6a7e-4c1d-9a2b-3c4d5e6f7a8b';

function responseValidator(method: HttpMethod, path: string, status: number): ValidateFunction {
  const key = `${method} ${path} ${status}`;
  let validate = responseValidators.get(key);
  if (!validate) {
    const schema = getOperation(spec, method, path).responses?.[String(status)]?.content?.['application/json']
      ?.schema;
    if (!schema) throw new Error(`${method.toUpperCase()} ${path} documents no JSON body for ${status}`);
    validate = ajv.compile(specSchemaToJsonSchema(schema));
    responseValidators.set(key, validate);
  }
  return validate;
}

interface CallOptions {
  body?: unknown;
  rawBody?: string;
  /** undefined → the server's token; null → no Authorization header. */
  token?: string | null;
  authorization?: string;
}

interface CallResult {
  status: number;
  contentType: string | null;
  text: string;
  // Response bodies are checked against the spec's schemas; the tests then read fields loosely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

async function call(
  api: ComputeApiServer,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = {};
  const token = options.token === undefined ? api.token : options.token;
  if (options.authorization !== undefined) headers.authorization = options.authorization;
  else if (token !== null) headers.authorization = `Bearer ${token}`;
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${api.url}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type'), text, body };
}

/** Asserts the documented content type and that the body matches the documented schema. */
function expectDocumented(result: CallResult, method: HttpMethod, path: string): void {
  if (result.status === 204) {
    expect(result.text).toBe('');
    return;
  }
  expect(result.contentType).toBe('application/json; charset=utf-8');
  const validate = responseValidator(method, path, result.status);
  const valid = validate(result.body);
  expect(valid ? [] : validate.errors, `${method.toUpperCase()} ${path} → ${result.status}`).toEqual([]);
}

let counter = 0;
function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

async function createDisk(api: ComputeApiServer, extra: Record<string, unknown> = {}): Promise<CallResult> {
  const result = await call(api, 'POST', '/api/v1/disks', {
    body: { project_id: api.projectId, name: uniqueName('disk'), size: 10, ...extra },
  });
  expectDocumented(result, 'post', '/api/v1/disks');
  return result;
}

async function createVm(
  api: ComputeApiServer,
  extra: Record<string, unknown> = {},
  version: 'v1' | 'v1.1' = 'v1',
): Promise<CallResult> {
  const path = `/api/${version}/vms`;
  const result = await call(api, 'POST', path, {
    body: [
      {
        project_id: api.projectId,
        name: uniqueName('vm'),
        disks: [{ name: uniqueName('boot'), size: 20 }],
        ...extra,
      },
    ],
  });
  expectDocumented(result, 'post', path);
  return result;
}

describe('OpenAPI 3.0 → JSON Schema conversion', () => {
  it('converts boolean exclusive bounds and nullable, leaving property names alone', () => {
    const converted = openApiSchemaToJsonSchema({
      type: 'object',
      properties: {
        type: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false },
        default: { type: 'string', nullable: true, enum: ['a'] },
        ref: { $ref: '#/components/schemas/X', nullable: true },
      },
      example: { type: 1 },
    });
    expect(converted).toEqual({
      type: 'object',
      properties: {
        type: { type: 'integer', exclusiveMinimum: 0, maximum: 9 },
        default: { type: ['string', 'null'], enum: ['a', null] },
        ref: { anyOf: [{ $ref: '#/components/schemas/X' }, { type: 'null' }] },
      },
    });
  });
});

describe('compute-api stand-in (correct server)', () => {
  let api: ComputeApiServer;

  beforeAll(async () => {
    api = await startComputeApi({ fault: null });
  });
  afterAll(async () => {
    await api.close();
  });

  describe('startup', () => {
    it('uses the documented defaults', () => {
      expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(api.token).toBe('demo-token');
      expect(api.projectId).toBe('6f1c2a4e-8b3d-4c5e-9f7a-1b2c3d4e5f60');
      expect(api.fault).toBeNull();
    });

    it('rejects an unknown fault name and lists the valid ones', async () => {
      await expect(startComputeApi({ fault: 'no-such-fault' as ComputeApiFaultName })).rejects.toThrow(
        /wrong-create-status.*read-after-delete-500/,
      );
    });

    it('reads COMPUTE_API_FAULT when no fault option is given, and null overrides it', async () => {
      const previous = process.env.COMPUTE_API_FAULT;
      process.env.COMPUTE_API_FAULT = 'wrong-create-status';
      try {
        const fromEnv = await startComputeApi();
        const forcedCorrect = await startComputeApi({ fault: null });
        expect(fromEnv.fault).toBe('wrong-create-status');
        expect(forcedCorrect.fault).toBeNull();
        await Promise.all([fromEnv.close(), forcedCorrect.close()]);
      } finally {
        if (previous === undefined) delete process.env.COMPUTE_API_FAULT;
        else process.env.COMPUTE_API_FAULT = previous;
      }
    });
  });

  describe('auth and routing', () => {
    it('answers 401 on every operation without a token or with a wrong one', async () => {
      const samplePath = (path: string): string =>
        path.replace('{flavor_id}', seedIds.flavorGeneral).replace(/\{[a-z_]+\}/g, unknownUuid);
      let operations = 0;
      for (const [path, pathItem] of Object.entries(spec.paths)) {
        for (const method of httpMethods) {
          if (!pathItem[method]) continue;
          operations += 1;
          for (const token of [null, 'wrong-token']) {
            const result = await call(api, method.toUpperCase(), samplePath(path), { token });
            expect(result.status, `${method} ${path}`).toBe(401);
            expect(result.body[0].code).toBe('unauthorized');
            expectDocumented(result, method, path);
          }
        }
      }
      expect(operations).toBe(19);
    });

    it('accepts the Bearer scheme case-insensitively but no other scheme', async () => {
      expect((await call(api, 'GET', '/api/v1/flavors', { authorization: 'bearer demo-token' })).status).toBe(
        200,
      );
      expect(
        (await call(api, 'GET', '/api/v1/flavors', { authorization: 'Basic ZGVtbzp0b2tlbg==' })).status,
      ).toBe(401);
    });

    it('answers 404 not_found for unknown routes and 405 for unsupported methods', async () => {
      const unknown = await call(api, 'GET', '/api/v2/nothing');
      expect(unknown.status).toBe(404);
      expect(unknown.contentType).toBe('application/json; charset=utf-8');
      expect(unknown.body).toEqual([{ code: 'not_found', message: expect.any(String) }]);
      const wrongMethod = await call(api, 'PATCH', '/api/v1/flavors');
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.body[0]).toMatchObject({ code: 'method_not_allowed' });
    });
  });

  describe('flavors', () => {
    it('lists the three seeded flavors with documented defaults', async () => {
      const result = await call(api, 'GET', '/api/v1/flavors');
      expect(result.status).toBe(200);
      expectDocumented(result, 'get', '/api/v1/flavors');
      expect(result.body).toMatchObject({ offset: 0, limit: 50, total: 3 });
      expect(result.body.items).toHaveLength(3);
      // Newest first by default.
      expect(result.body.items.map((flavor: { id: string }) => flavor.id)).toEqual([
        seedIds.flavorFreeTier,
        seedIds.flavorMemory,
        seedIds.flavorGeneral,
      ]);
    });

    it('filters by name, cpu and type and checks project and zone', async () => {
      const byName = await call(api, 'GET', '/api/v1/flavors?name=mem-4-32');
      expect(byName.body.items.map((flavor: { name: string }) => flavor.name)).toEqual(['mem-4-32']);
      const byType = await call(api, 'GET', '/api/v1/flavors?type=general&cpu=2');
      expect(byType.body.total).toBe(1);
      const ownProject = await call(api, 'GET', `/api/v1/flavors?project_id=${api.projectId}`);
      expect(ownProject.body.total).toBe(3);
      const wrongProject = await call(api, 'GET', `/api/v1/flavors?project_id=${unknownUuid}`);
      expect(wrongProject.status).toBe(422);
      expect(wrongProject.body[0].code).toBe('wrong_project');
      expectDocumented(wrongProject, 'get', '/api/v1/flavors');
      const wrongZone = await call(api, 'GET', `/api/v1/flavors?availability_zone_id=${unknownUuid}`);
      expect(wrongZone.status).toBe(404);
      expectDocumented(wrongZone, 'get', '/api/v1/flavors');
      const rightZone = await call(
        api,
        'GET',
        `/api/v1/flavors?availability_zone_id=${seedIds.availabilityZone}`,
      );
      expect(rightZone.body.total).toBe(3);
    });

    it('gets one flavor, 404 for an unknown one and 422 for a malformed id', async () => {
      const found = await call(api, 'GET', `/api/v1/flavors/${seedIds.flavorGeneral}`);
      expect(found.status).toBe(200);
      expectDocumented(found, 'get', '/api/v1/flavors/{flavor_id}');
      expect(found.body.name).toBe('gen-2-4');
      const missing = await call(api, 'GET', `/api/v1/flavors/${unknownUuid}`);
      expect(missing.status).toBe(404);
      expectDocumented(missing, 'get', '/api/v1/flavors/{flavor_id}');
      const malformed = await call(api, 'GET', '/api/v1/flavors/not-a-uuid');
      expect(malformed.status).toBe(422);
      expect(malformed.body[0]).toMatchObject({ code: 'validation_error', field: 'flavor_id' });
      expectDocumented(malformed, 'get', '/api/v1/flavors/{flavor_id}');
    });
  });

  describe('query validation', () => {
    it.each([
      ['limit=abc', 'limit'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=1.5', 'limit'],
      ['offset=-1', 'offset'],
      ['order_by=name', 'order_by'],
      ['order_desc=maybe', 'order_desc'],
      ['type=huge', 'type'],
      ['name=', 'name'],
      ['availability_zone_id=nope', 'availability_zone_id'],
    ])('rejects %s with 422', async (query, field) => {
      const result = await call(api, 'GET', `/api/v1/flavors?${query}`);
      expect(result.status).toBe(422);
      expect(result.body).toEqual([{ code: 'validation_error', message: expect.any(String), field }]);
      expectDocumented(result, 'get', '/api/v1/flavors');
    });

    it('accepts the limit bounds and ignores unknown query parameters', async () => {
      for (const limit of [1, 100]) {
        const result = await call(api, 'GET', `/api/v1/flavors?limit=${limit}&whatever=1`);
        expect(result.status).toBe(200);
        expect(result.body.limit).toBe(limit);
      }
    });

    it('requires project_id on the disk and VM lists', async () => {
      for (const path of ['/api/v1/disks', '/api/v1/vms'] as const) {
        const result = await call(api, 'GET', path);
        expect(result.status).toBe(422);
        expect(result.body[0]).toMatchObject({ code: 'validation_error', field: 'project_id' });
        expectDocumented(result, 'get', path);
      }
    });
  });

  describe('disks', () => {
    it('creates a disk with defaults (201) and reads it back', async () => {
      const created = await createDisk(api);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        state: 'available',
        bootable: false,
        readonly: false,
        shared: false,
        encrypted: false,
        description: '',
        tags: [],
        vms: [],
        disk_type: { id: seedIds.diskTypeSsd },
        availability_zone: { id: seedIds.availabilityZone },
        project: { id: api.projectId },
      });
      const read = await call(api, 'GET', `/api/v1/disks/${created.body.id}`);
      expect(read.status).toBe(200);
      expectDocumented(read, 'get', '/api/v1/disks/{disk_id}');
      expect(read.body).toEqual(created.body);
    });

    it('creates a disk with every optional field', async () => {
      const created = await createDisk(api, {
        description: 'data volume',
        disk_type_name: 'hdd',
        availability_zone_name: 'ru-moscow-1a',
        readonly: true,
        shared: true,
        encrypted: true,
        size: 16384,
        tag_names: ['env-test'],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        size: 16384,
        readonly: true,
        shared: true,
        encrypted: true,
        disk_type: { name: 'hdd' },
        tags: [{ name: 'env-test' }],
      });
      const withTagId = await createDisk(api, { tag_ids: [created.body.tags[0].id] });
      expect(withTagId.body.tags[0].name).toBe('env-test');
    });

    it.each([
      [{ name: 'x', size: 1 }, 'project_id'],
      [{ project_id: 'p', name: 'x', size: 1 }, 'project_id'],
      [{ size: 1 }, 'name'],
      [{ name: 'a'.repeat(65), size: 1 }, 'name'],
      [{ name: '1starts-with-digit', size: 1 }, 'name'],
      [{ name: '', size: 1 }, 'name'],
      [{ name: 'x' }, 'size'],
      [{ name: 'x', size: 0 }, 'size'],
      [{ name: 'x', size: 16385 }, 'size'],
      [{ name: 'x', size: '10' }, 'size'],
      [{ name: 'x', size: 1, readonly: 'yes' }, 'readonly'],
      [{ name: 'x', size: 1, unknown_field: 1 }, 'unknown_field'],
      [{ name: 'x', size: 1, description: 'd'.repeat(256) }, 'description'],
    ])('rejects body %j with 422 on %s', async (body, field) => {
      const withProject = field === 'project_id' ? body : { project_id: api.projectId, ...body };
      const result = await call(api, 'POST', '/api/v1/disks', { body: withProject });
      expect(result.status).toBe(422);
      expect(result.body).toEqual([{ code: 'validation_error', message: expect.any(String), field }]);
      expectDocumented(result, 'post', '/api/v1/disks');
    });

    it('rejects malformed JSON, a missing body and a non-object body', async () => {
      const malformed = await call(api, 'POST', '/api/v1/disks', { rawBody: '{"name": ' });
      expect(malformed.status).toBe(422);
      expect(malformed.body[0].code).toBe('invalid_json');
      expectDocumented(malformed, 'post', '/api/v1/disks');
      const missing = await call(api, 'POST', '/api/v1/disks');
      expect(missing.status).toBe(422);
      expect(missing.body[0]).toMatchObject({ code: 'validation_error', field: 'body' });
      const array = await call(api, 'POST', '/api/v1/disks', { body: [] });
      expect(array.status).toBe(422);
    });

    it('checks project, zone, disk type and name uniqueness', async () => {
      const wrongProject = await call(api, 'POST', '/api/v1/disks', {
        body: { project_id: unknownUuid, name: uniqueName('disk'), size: 1 },
      });
      expect(wrongProject.status).toBe(422);
      expect(wrongProject.body[0].code).toBe('wrong_project');
      expectDocumented(wrongProject, 'post', '/api/v1/disks');
      for (const extra of [
        { availability_zone_id: unknownUuid },
        { disk_type_name: 'nvme' },
        { tag_ids: [unknownUuid] },
      ]) {
        const result = await call(api, 'POST', '/api/v1/disks', {
          body: { project_id: api.projectId, name: uniqueName('disk'), size: 1, ...extra },
        });
        expect(result.status, JSON.stringify(extra)).toBe(422);
        expectDocumented(result, 'post', '/api/v1/disks');
      }
      const first = await createDisk(api);
      const duplicate = await call(api, 'POST', '/api/v1/disks', {
        body: { project_id: api.projectId, name: first.body.name, size: 5 },
      });
      expect(duplicate.status).toBe(409);
      expectDocumented(duplicate, 'post', '/api/v1/disks');
    });

    it('updates only the given fields and persists them', async () => {
      const created = await createDisk(api, { description: 'before' });
      await new Promise((resolve) => setTimeout(resolve, 5));
      const newName = uniqueName('renamed');
      const updated = await call(api, 'PUT', `/api/v1/disks/${created.body.id}`, {
        body: { name: newName, size: 20 },
      });
      expect(updated.status).toBe(200);
      expectDocumented(updated, 'put', '/api/v1/disks/{disk_id}');
      expect(updated.body).toMatchObject({ name: newName, size: 20, description: 'before' });
      expect(updated.body.modified_time).not.toBe(created.body.modified_time);
      expect(updated.body.created_time).toBe(created.body.created_time);
      const read = await call(api, 'GET', `/api/v1/disks/${created.body.id}`);
      expect(read.body).toEqual(updated.body);
      const empty = await call(api, 'PUT', `/api/v1/disks/${created.body.id}`, { body: {} });
      expect(empty.status).toBe(200);
      expect(empty.body).toMatchObject({ name: newName, size: 20, description: 'before' });
    });

    it('rejects a size decrease, a taken name, an unknown disk and invalid fields', async () => {
      const disk = await createDisk(api, { size: 50 });
      const other = await createDisk(api);
      const shrink = await call(api, 'PUT', `/api/v1/disks/${disk.body.id}`, { body: { size: 10 } });
      expect(shrink.status).toBe(422);
      expectDocumented(shrink, 'put', '/api/v1/disks/{disk_id}');
      const taken = await call(api, 'PUT', `/api/v1/disks/${disk.body.id}`, {
        body: { name: other.body.name },
      });
      expect(taken.status).toBe(409);
      expectDocumented(taken, 'put', '/api/v1/disks/{disk_id}');
      const sameName = await call(api, 'PUT', `/api/v1/disks/${disk.body.id}`, {
        body: { name: disk.body.name },
      });
      expect(sameName.status).toBe(200);
      const unknown = await call(api, 'PUT', `/api/v1/disks/${unknownUuid}`, { body: { size: 60 } });
      expect(unknown.status).toBe(404);
      expectDocumented(unknown, 'put', '/api/v1/disks/{disk_id}');
      const invalid = await call(api, 'PUT', `/api/v1/disks/${disk.body.id}`, {
        body: { project_id: api.projectId },
      });
      expect(invalid.status).toBe(422);
      expect(invalid.body[0].field).toBe('project_id');
    });

    it('deletes a disk (204, then 404) and 404s an unknown one', async () => {
      const disk = await createDisk(api);
      const deleted = await call(api, 'DELETE', `/api/v1/disks/${disk.body.id}`);
      expect(deleted.status).toBe(204);
      expectDocumented(deleted, 'delete', '/api/v1/disks/{disk_id}');
      const gone = await call(api, 'GET', `/api/v1/disks/${disk.body.id}`);
      expect(gone.status).toBe(404);
      expectDocumented(gone, 'get', '/api/v1/disks/{disk_id}');
      const again = await call(api, 'DELETE', `/api/v1/disks/${disk.body.id}`);
      expect(again.status).toBe(404);
      expectDocumented(again, 'delete', '/api/v1/disks/{disk_id}');
    });

    it('attaches and detaches a disk', async () => {
      const vm = (await createVm(api)).body[0];
      const disk = await createDisk(api);
      const attached = await call(api, 'POST', `/api/v1/disks/${disk.body.id}/attach`, {
        body: { vm_id: vm.id },
      });
      expect(attached.status).toBe(200);
      expectDocumented(attached, 'post', '/api/v1/disks/{disk_id}/attach');
      expect(attached.body.state).toBe('in_use');
      expect(attached.body.vms).toEqual([{ id: vm.id, name: vm.name, primary: false, state: 'running' }]);
      const vmView = await call(api, 'GET', `/api/v1/vms/${vm.id}`);
      expect(vmView.body.disks.map((entry: { id: string }) => entry.id)).toContain(disk.body.id);

      const twice = await call(api, 'POST', `/api/v1/disks/${disk.body.id}/attach`, {
        body: { vm_id: vm.id },
      });
      expect(twice.status).toBe(422);
      expectDocumented(twice, 'post', '/api/v1/disks/{disk_id}/attach');
      const inUse = await call(api, 'DELETE', `/api/v1/disks/${disk.body.id}`);
      expect(inUse.status).toBe(405);
      expect(inUse.body[0].code).toBe('disk_has_references');
      expectDocumented(inUse, 'delete', '/api/v1/disks/{disk_id}');

      const detached = await call(api, 'POST', `/api/v1/disks/${disk.body.id}/detach`, {
        body: { vm_id: vm.id },
      });
      expect(detached.status).toBe(200);
      expectDocumented(detached, 'post', '/api/v1/disks/{disk_id}/detach');
      expect(detached.body).toMatchObject({ state: 'available', vms: [] });
      const notAttached = await call(api, 'POST', `/api/v1/disks/${disk.body.id}/detach`, {
        body: { vm_id: vm.id },
      });
      expect(notAttached.status).toBe(422);
      expectDocumented(notAttached, 'post', '/api/v1/disks/{disk_id}/detach');
    });

    it('answers attach/detach errors in the documented order', async () => {
      const disk = await createDisk(api);
      for (const action of ['attach', 'detach'] as const) {
        const path = `/api/v1/disks/{disk_id}/${action}` as const;
        const unknownDisk = await call(api, 'POST', `/api/v1/disks/${unknownUuid}/${action}`, {
          body: { vm_id: unknownUuid },
        });
        expect(unknownDisk.status).toBe(404);
        expectDocumented(unknownDisk, 'post', path);
        const unknownVm = await call(api, 'POST', `/api/v1/disks/${disk.body.id}/${action}`, {
          body: { vm_id: unknownUuid },
        });
        expect(unknownVm.status).toBe(422);
        expect(unknownVm.body[0].code).toBe('vm_not_found');
        expectDocumented(unknownVm, 'post', path);
        const badBody = await call(api, 'POST', `/api/v1/disks/${disk.body.id}/${action}`, { body: {} });
        expect(badBody.status).toBe(422);
        expect(badBody.body[0].field).toBe('vm_id');
      }
    });
  });

  describe('pagination', () => {
    it('pages, counts and orders deterministically', async () => {
      const own = await startComputeApi({ fault: null });
      try {
        const ids: string[] = [];
        for (let index = 0; index < 5; index += 1) ids.push((await createDisk(own)).body.id);
        const list = (query: string) =>
          call(own, 'GET', `/api/v1/disks?project_id=${own.projectId}&${query}`);
        const firstPage = await list('limit=2');
        expectDocumented(firstPage, 'get', '/api/v1/disks');
        expect(firstPage.body).toMatchObject({ offset: 0, limit: 2, total: 5 });
        expect(firstPage.body.items.map((disk: { id: string }) => disk.id)).toEqual([ids[4], ids[3]]);
        const lastPage = await list('limit=2&offset=4');
        expect(lastPage.body.items.map((disk: { id: string }) => disk.id)).toEqual([ids[0]]);
        const beyond = await list('offset=10');
        expect(beyond.body).toMatchObject({ items: [], total: 5, offset: 10, limit: 50 });
        const ascending = await list('order_desc=false&order_by=created_time');
        expect(ascending.body.items.map((disk: { id: string }) => disk.id)).toEqual(ids);
        const byName = await list(`name=${firstPage.body.items[0].name}`);
        expect(byName.body.total).toBe(1);
        const wrongZone = await list(`availability_zone_id=${unknownUuid}`);
        expect(wrongZone.status).toBe(422);
        expectDocumented(wrongZone, 'get', '/api/v1/disks');
        const wrongProject = await call(own, 'GET', `/api/v1/disks?project_id=${unknownUuid}`);
        expect(wrongProject.status).toBe(422);
        expect(wrongProject.body[0].code).toBe('wrong_project');
      } finally {
        await own.close();
      }
    });
  });

  describe('vms', () => {
    it('creates VMs through v1 and v1.1 with boot disks visible in the disk list', async () => {
      for (const version of ['v1', 'v1.1'] as const) {
        const created = await createVm(api, {}, version);
        expect(created.status).toBe(201);
        const [vm] = created.body;
        expect(vm).toMatchObject({
          state: 'running',
          locked: false,
          flavor: { id: seedIds.flavorGeneral },
          image: { id: seedIds.image },
          project: { id: api.projectId },
          availability_zone: { id: seedIds.availabilityZone },
          metadata_fields: [],
        });
        expect(vm.disks).toHaveLength(1);
        expect(vm.disks[0].primary).toBe(true);
        const disks = await call(
          api,
          'GET',
          `/api/v1/disks?project_id=${api.projectId}&name=${vm.disks[0].name}`,
        );
        expect(disks.body.items[0]).toMatchObject({ bootable: true, state: 'in_use', vms: [{ id: vm.id }] });
      }
    });

    it('creates VMs with explicit flavor, image, existing disks and networking', async () => {
      const existing = await createDisk(api);
      const created = await createVm(
        api,
        {
          flavor_name: 'free-1-1',
          image_name: 'ubuntu-22.04',
          description: 'full',
          tag_names: ['web'],
          disks: [
            { name: uniqueName('boot'), size: 10, disk_type_name: 'hdd' },
            { disk_name: existing.body.name },
          ],
          interfaces: [{ type: 'regular', new_external_ip: true }],
        },
        'v1.1',
      );
      expect(created.status, created.text).toBe(201);
      const [vm] = created.body;
      expect(vm.flavor).toMatchObject({ name: 'free-1-1', free_tier: true });
      expect(vm.disks.map((disk: { id: string }) => disk.id)).toContain(existing.body.id);
      expect(vm.interfaces[0].floating_ip).toBeDefined();
      expect(vm.tags[0].name).toBe('web');
      const batch = await call(api, 'POST', '/api/v1/vms', {
        body: [
          {
            project_id: api.projectId,
            name: uniqueName('vm'),
            disks: [{ name: 'a', size: 1 }],
            metadata_fields: [{ image_metadata_id: unknownUuid, value: 'x' }],
          },
          {
            project_id: api.projectId,
            name: uniqueName('vm'),
            disks: [{ name: 'b', size: 1 }],
            subnets: [{}],
          },
        ],
      });
      expect(batch.status).toBe(201);
      expectDocumented(batch, 'post', '/api/v1/vms');
      expect(batch.body).toHaveLength(2);
      expect(batch.body[0].metadata_fields[0]).toMatchObject({ metadata_id: unknownUuid, value: 'x' });
    });

    it('rejects invalid VM creations with the documented statuses', async () => {
      const name = (await createVm(api)).body[0].name;
      const cases: [Record<string, unknown>, number][] = [
        [{ project_id: unknownUuid }, 422],
        [{ flavor_id: unknownUuid }, 404],
        [{ flavor_name: 'nope' }, 404],
        [{ image_id: unknownUuid }, 404],
        [{ disks: [{ disk_id: unknownUuid }] }, 404],
        [{ disks: [{}] }, 422],
        [{ disks: [] }, 422],
        [{ name }, 422],
        [{ name: 'bad name' }, 422],
        [{ unexpected: true }, 422],
      ];
      for (const [override, status] of cases) {
        const result = await call(api, 'POST', '/api/v1/vms', {
          body: [
            {
              project_id: api.projectId,
              name: uniqueName('vm'),
              disks: [{ name: uniqueName('d'), size: 5 }],
              ...override,
            },
          ],
        });
        expect(result.status, JSON.stringify(override)).toBe(status);
        expectDocumented(result, 'post', '/api/v1/vms');
      }
      const missing = await call(api, 'POST', '/api/v1.1/vms', {
        body: [{ project_id: api.projectId, name: 'x' }],
      });
      expect(missing.body[0]).toMatchObject({ code: 'validation_error', field: '0.disks' });
    });

    it('gets, lists and filters VMs', async () => {
      const vm = (await createVm(api)).body[0];
      const read = await call(api, 'GET', `/api/v1/vms/${vm.id}`);
      expect(read.status).toBe(200);
      expectDocumented(read, 'get', '/api/v1/vms/{vm_id}');
      expect(read.body).toEqual(vm);
      const list = await call(api, 'GET', `/api/v1/vms?project_id=${api.projectId}&vm_ids=${vm.id}`);
      expect(list.status).toBe(200);
      expectDocumented(list, 'get', '/api/v1/vms');
      expect(list.body.total).toBe(1);
      expect(list.body.items[0]).toMatchObject({ id: vm.id, project_id: api.projectId });
      const filtered = await call(
        api,
        'GET',
        `/api/v1/vms?project_id=${api.projectId}&name=${vm.name}&statuses=running&statuses=stopped&free_tier=false`,
      );
      expect(filtered.body.total).toBe(1);
      const stopped = await call(
        api,
        'GET',
        `/api/v1/vms?project_id=${api.projectId}&name=${vm.name}&statuses=stopped`,
      );
      expect(stopped.body.total).toBe(0);
      const badStatus = await call(api, 'GET', `/api/v1/vms?project_id=${api.projectId}&statuses=sleeping`);
      expect(badStatus.status).toBe(422);
      const wrongZone = await call(
        api,
        'GET',
        `/api/v1/vms?project_id=${api.projectId}&availability_zone_ids=${unknownUuid}`,
      );
      expect(wrongZone.status).toBe(404);
      expectDocumented(wrongZone, 'get', '/api/v1/vms');
      const missing = await call(api, 'GET', `/api/v1/vms/${unknownUuid}`);
      expect(missing.status).toBe(404);
      expect(missing.body[0].code).toBe('vm_not_found');
      expectDocumented(missing, 'get', '/api/v1/vms/{vm_id}');
      const malformed = await call(api, 'GET', '/api/v1/vms/123');
      expect(malformed.status).toBe(422);
      expectDocumented(malformed, 'get', '/api/v1/vms/{vm_id}');
    });

    it('updates a VM partially, treating 1 as "not set"', async () => {
      const vm = (await createVm(api, { description: 'keep me' })).body[0];
      const newName = uniqueName('renamed');
      const updated = await call(api, 'PUT', `/api/v1/vms/${vm.id}`, {
        body: { name: newName, description: 1, flavor_name: 'mem-4-32' },
      });
      expect(updated.status).toBe(200);
      expectDocumented(updated, 'put', '/api/v1/vms/{vm_id}');
      expect(updated.body).toMatchObject({
        name: newName,
        description: 'keep me',
        flavor: { name: 'mem-4-32' },
      });
      expect((await call(api, 'GET', `/api/v1/vms/${vm.id}`)).body.name).toBe(newName);
      for (const [body, status] of [
        [{ flavor_id: unknownUuid }, 422],
        [{ name: 2 }, 422],
        [{ tag_ids: [unknownUuid] }, 422],
      ] as const) {
        const result = await call(api, 'PUT', `/api/v1/vms/${vm.id}`, { body });
        expect(result.status, JSON.stringify(body)).toBe(status);
        expectDocumented(result, 'put', '/api/v1/vms/{vm_id}');
      }
      const unknown = await call(api, 'PUT', `/api/v1/vms/${unknownUuid}`, { body: { name: 'x' } });
      expect(unknown.status).toBe(422);
      expect(unknown.body[0].code).toBe('vm_not_found');
      expectDocumented(unknown, 'put', '/api/v1/vms/{vm_id}');
    });

    it('deletes a VM with its own disks and detaches the others', async () => {
      const extra = await createDisk(api);
      const vm = (await createVm(api)).body[0];
      await call(api, 'POST', `/api/v1/disks/${extra.body.id}/attach`, { body: { vm_id: vm.id } });
      const deleted = await call(api, 'DELETE', `/api/v1/vms/${vm.id}`);
      expect(deleted.status).toBe(204);
      expectDocumented(deleted, 'delete', '/api/v1/vms/{vm_id}');
      expect((await call(api, 'GET', `/api/v1/vms/${vm.id}`)).status).toBe(404);
      expect((await call(api, 'GET', `/api/v1/disks/${vm.disks[0].id}`)).status).toBe(404);
      const freed = await call(api, 'GET', `/api/v1/disks/${extra.body.id}`);
      expect(freed.body).toMatchObject({ state: 'available', vms: [] });
      const again = await call(api, 'DELETE', `/api/v1/vms/${vm.id}`);
      expect(again.status).toBe(404);
      expectDocumented(again, 'delete', '/api/v1/vms/{vm_id}');
    });

    it('deletes listed attachments when asked to', async () => {
      const extra = await createDisk(api);
      const vm = (await createVm(api)).body[0];
      await call(api, 'POST', `/api/v1/disks/${extra.body.id}/attach`, { body: { vm_id: vm.id } });
      const deleted = await call(api, 'DELETE', `/api/v1/vms/${vm.id}`, {
        body: { delete_attachments: { disk_ids: [extra.body.id], external_ips: [] } },
      });
      expect(deleted.status).toBe(204);
      expect((await call(api, 'GET', `/api/v1/disks/${extra.body.id}`)).status).toBe(404);
      const invalid = await call(api, 'DELETE', `/api/v1/vms/${unknownUuid}`, {
        body: { delete_attachments: {} },
      });
      expect(invalid.status).toBe(422);
    });

    it('sets VM states in bulk', async () => {
      const vm = (await createVm(api)).body[0];
      const stop = await call(api, 'PUT', '/api/v1/vms', { body: [{ id: vm.id, state: 'stopped' }] });
      expect(stop.status).toBe(204);
      expectDocumented(stop, 'put', '/api/v1/vms');
      expect((await call(api, 'GET', `/api/v1/vms/${vm.id}`)).body.state).toBe('stopped');
      const unknown = await call(api, 'PUT', '/api/v1/vms', {
        body: [
          { id: vm.id, state: 'running' },
          { id: unknownUuid, state: 'running' },
        ],
      });
      expect(unknown.status).toBe(422);
      expectDocumented(unknown, 'put', '/api/v1/vms');
      // The batch is atomic: the known VM did not change either.
      expect((await call(api, 'GET', `/api/v1/vms/${vm.id}`)).body.state).toBe('stopped');
      const invalid = await call(api, 'PUT', '/api/v1/vms', { body: [{ id: vm.id, state: 'paused' }] });
      expect(invalid.status).toBe(422);
      expect(invalid.body[0].field).toBe('0.state');
    });

    it('runs console and power actions', async () => {
      const vm = (await createVm(api)).body[0];
      const vnc = await call(api, 'POST', `/api/v1/vms/${vm.id}/get-vnc`);
      expect(vnc.status).toBe(204);
      expectDocumented(vnc, 'post', '/api/v1/vms/{vm_id}/get-vnc');
      const console = await call(api, 'POST', `/api/v1/vms/${vm.id}/remote-console`, {
        body: { protocol: 'serial' },
      });
      expect(console.status).toBe(204);
      const power = await call(api, 'POST', `/api/v1/vms/${vm.id}/set-power`, {
        body: { state: 'power_off' },
      });
      expect(power.status).toBe(204);
      const read = await call(api, 'GET', `/api/v1/vms/${vm.id}`);
      expectDocumented(read, 'get', '/api/v1/vms/{vm_id}');
      expect(read.body).toMatchObject({
        state: 'stopped',
        vnc_url: expect.stringMatching(/^https:\/\//),
        vnc_ws: expect.stringMatching(/^wss:\/\//),
        remote_console_protocol: 'serial',
      });
      await call(api, 'POST', `/api/v1/vms/${vm.id}/set-power`, { body: { state: 'reboot' } });
      expect((await call(api, 'GET', `/api/v1/vms/${vm.id}`)).body.state).toBe('running');

      for (const [action, body] of [
        ['get-vnc', undefined],
        ['remote-console', { protocol: 'vnc' }],
        ['set-power', { state: 'power_on' }],
      ] as const) {
        const unknown = await call(api, 'POST', `/api/v1/vms/${unknownUuid}/${action}`, { body });
        expect(unknown.status, action).toBe(422);
        expect(unknown.body[0].code).toBe('vm_not_found');
        expectDocumented(unknown, 'post', `/api/v1/vms/{vm_id}/${action}`);
      }
      const badProtocol = await call(api, 'POST', `/api/v1/vms/${vm.id}/remote-console`, {
        body: { protocol: 'rdp' },
      });
      expect(badProtocol.status).toBe(422);
      const badPower = await call(api, 'POST', `/api/v1/vms/${vm.id}/set-power`, { body: { state: 'off' } });
      expect(badPower.status).toBe(422);
    });
  });
});

/**
 * One probe per fault: it answers true when the behaviour the fault flips is observed. Each is
 * run against the faulty server (must be true) and the correct one (must be false).
 */
const faultProbes: Record<ComputeApiFaultName, (api: ComputeApiServer) => Promise<boolean>> = {
  'wrong-create-status': async (api) => (await createDiskRaw(api)).status === 200,
  'delete-does-not-delete': async (api) => {
    const disk = await createDiskRaw(api);
    const deleted = await call(api, 'DELETE', `/api/v1/disks/${disk.body.id}`);
    const read = await call(api, 'GET', `/api/v1/disks/${disk.body.id}`);
    return deleted.status === 204 && read.status === 200;
  },
  'update-not-persisted': async (api) => {
    const disk = await createDiskRaw(api);
    const updated = await call(api, 'PUT', `/api/v1/disks/${disk.body.id}`, { body: { size: 99 } });
    const read = await call(api, 'GET', `/api/v1/disks/${disk.body.id}`);
    return updated.body.size === 99 && read.body.size !== 99;
  },
  'auth-not-enforced': async (api) => {
    const path = `/api/v1/flavors/${seedIds.flavorGeneral}`;
    const anonymous = await call(api, 'GET', path, { token: null });
    const wrong = await call(api, 'GET', path, { token: 'wrong-token' });
    return anonymous.status === 200 && wrong.status === 200;
  },
  'missing-response-field': async (api) => {
    const disk = await createDiskRaw(api);
    const read = await call(api, 'GET', `/api/v1/disks/${disk.body.id}`);
    return read.status === 200 && !('size' in read.body);
  },
  'boundary-500': async (api) => (await createDiskRaw(api, { size: 16384 })).status === 500,
  'wrong-content-type': async (api) =>
    (await call(api, 'GET', '/api/v1/flavors')).contentType?.startsWith('text/plain') === true,
  'pagination-off-by-one': async (api) => {
    const list = await call(api, 'GET', '/api/v1/flavors?limit=2');
    return list.body.items.length === 3;
  },
  'invalid-enum-accepted': async (api) => {
    const vm = (await createVmRaw(api)).body[0];
    return (
      (await call(api, 'PUT', '/api/v1/vms', { body: [{ id: vm.id, state: 'exploded' }] })).status === 204
    );
  },
  'attach-ignores-missing-vm': async (api) => {
    const disk = await createDiskRaw(api);
    const attach = await call(api, 'POST', `/api/v1/disks/${disk.body.id}/attach`, {
      body: { vm_id: unknownUuid },
    });
    return attach.status === 200;
  },
  'max-length-ignored': async (api) =>
    (await createDiskRaw(api, { name: `n${'x'.repeat(64)}` })).status === 201,
  'not-found-500': async (api) => (await call(api, 'GET', `/api/v1/vms/${unknownUuid}`)).status === 500,
  'malformed-id-500': async (api) => (await call(api, 'GET', '/api/v1/disks/not-a-uuid')).status === 500,
  'wrong-token-accepted': async (api) => {
    const wrong = await call(api, 'POST', '/api/v1/disks', {
      token: 'someone-elses-token',
      body: { project_id: api.projectId, name: uniqueName('disk'), size: 1 },
    });
    const missing = await call(api, 'GET', '/api/v1/flavors', { token: null });
    return wrong.status === 201 && missing.status === 401;
  },
  'required-query-ignored': async (api) => (await call(api, 'GET', '/api/v1/vms')).status === 200,
  'read-after-delete-500': async (api) => {
    const vm = (await createVmRaw(api)).body[0];
    await call(api, 'DELETE', `/api/v1/vms/${vm.id}`);
    const afterDelete = await call(api, 'GET', `/api/v1/vms/${vm.id}`);
    const neverExisted = await call(api, 'GET', `/api/v1/vms/${unknownUuid}`);
    return afterDelete.status === 500 && neverExisted.status === 404;
  },
};

// Probes must not assert on their own: the fault under test may well break the documented shape.
function createDiskRaw(api: ComputeApiServer, extra: Record<string, unknown> = {}): Promise<CallResult> {
  return call(api, 'POST', '/api/v1/disks', {
    body: { project_id: api.projectId, name: uniqueName('disk'), size: 10, ...extra },
  });
}

function createVmRaw(api: ComputeApiServer): Promise<CallResult> {
  return call(api, 'POST', '/api/v1/vms', {
    body: [
      { project_id: api.projectId, name: uniqueName('vm'), disks: [{ name: uniqueName('boot'), size: 10 }] },
    ],
  });
}

describe('compute-api seeded faults', () => {
  let correct: ComputeApiServer;

  beforeAll(async () => {
    correct = await startComputeApi({ fault: null });
  });
  afterAll(async () => {
    await correct.close();
  });

  it('has a probe for every fault, and at least 14 faults', () => {
    expect(Object.keys(faultProbes).sort()).toEqual(computeApiFaults.map((fault) => fault.name).sort());
    expect(computeApiFaults.length).toBeGreaterThanOrEqual(14);
  });

  it.each(computeApiFaults.map((fault) => fault.name))('%s manifests only on its variant', async (name) => {
    const faulty = await startComputeApi({ fault: name });
    try {
      expect(faulty.fault).toBe(name);
      expect(await faultProbes[name](faulty)).toBe(true);
      expect(await faultProbes[name](correct)).toBe(false);
    } finally {
      await faulty.close();
    }
  });
});
