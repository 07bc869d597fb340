import { describe, expect, it } from 'vitest';
import type { ManualCase, ManualCaseSet } from '../../../src/core/manual-case.ts';
import { FULL_SPEC, SUBSET_SPEC, apiCases, expectWellFormed } from './case-targets.ts';

const operationsCovered = (set: ManualCaseSet, kind: ManualCase['kind']) =>
  new Set(
    set.cases
      .filter((manualCase) => manualCase.kind === kind)
      .flatMap((manualCase) =>
        manualCase.trace.map((trace) => (trace.kind === 'operation' ? trace.operation : '')),
      ),
  );
const byTitle = (set: ManualCaseSet, title: string) => {
  const found = set.cases.find((manualCase) => manualCase.title === title);
  if (!found)
    throw new Error(`no case "${title}" in\n${set.cases.map((manualCase) => manualCase.title).join('\n')}`);
  return found;
};
const stepText = (manualCase: ManualCase) =>
  manualCase.steps.map((step) => `${step.action} → ${step.expected ?? ''}`).join('\n');

describe('cases from an OpenAPI spec', () => {
  it('the Evolution Compute subset: every operation covered, the 8 with dangling $refs degraded, not skipped', async () => {
    const { model, set } = await apiCases(SUBSET_SPEC);
    expectWellFormed(set);
    expect(model.operations).toHaveLength(19);
    expect(operationsCovered(set, 'positive')).toEqual(
      new Set(model.operations.map((operation) => operation.key)),
    );
    expect(set.unused.filter((entry) => entry.reason.startsWith('skipped: '))).toEqual([]);
    expect(new Set(model.warnings!.map((warning) => warning.operation)).size).toBe(8);
    expect(set.cases.length).toBeGreaterThanOrEqual(100);
    // POST /disks has an unknown body schema, yet it is the way to a disk id.
    expect(stepText(byTitle(set, 'GET /api/v1/disks/{disk_id}: returns the disk (200)'))).toContain(
      'Create a disk with POST /api/v1/disks',
    );
  });

  it('the demo compute API: all 19 operations, every kind of behaviour, concrete values', async () => {
    const { model, set } = await apiCases(FULL_SPEC);
    expectWellFormed(set);
    const keys = new Set(model.operations.map((operation) => operation.key));
    expect(keys.size).toBe(19);
    expect(operationsCovered(set, 'positive')).toEqual(keys);
    expect(operationsCovered(set, 'auth')).toEqual(keys);
    expect(new Set(set.cases.map((manualCase) => manualCase.kind))).toEqual(
      new Set(['positive', 'auth', 'negative', 'boundary', 'state-transition']),
    );
    expect(new Set(set.cases.map((manualCase) => manualCase.feature))).toEqual(
      new Set(['Flavors', 'Disks', 'VMs']),
    );
    expect(set.unused.filter((entry) => entry.ref.endsWith('→ 500'))).toHaveLength(19);
  });

  it('boundaries come from the schema: size 1..16384 and name length 1..64', async () => {
    const { set } = await apiCases(FULL_SPEC);
    const above = byTitle(
      set,
      'POST /api/v1/disks: size = 16385 is rejected (above the maximum 16384) (422)',
    );
    expect(above.kind).toBe('boundary');
    expect(stepText(above)).toContain(
      'Send POST /api/v1/disks with body {"name": "qa-disk-1", "project_id": "$PROJECT_ID", "size": 16385} → 422',
    );
    byTitle(set, 'POST /api/v1/disks: size = 16384 is accepted (maximum)');
    byTitle(set, 'POST /api/v1/disks: name of 65 characters is rejected (above the maximum length 64) (422)');
    byTitle(set, 'GET /api/v1/flavors: limit = 101 is rejected (above the maximum 100) (422)');
  });

  it('each error status gets a concrete trigger, from the schema or from the causes the spec lists', async () => {
    const { set } = await apiCases(FULL_SPEC);
    expect(
      stepText(byTitle(set, 'GET /api/v1/disks/{disk_id}: unknown disk_id is rejected (404)')),
    ).toContain('Send GET /api/v1/disks/00000000-0000-4000-8000-000000000000 → 404');
    expect(
      stepText(byTitle(set, 'POST /api/v1/disks: missing required field "name" is rejected (422)')),
    ).toContain('Send POST /api/v1/disks with body {"project_id": "$PROJECT_ID", "size": 1} → 422');
    byTitle(
      set,
      'GET /api/v1/flavors: availability_zone_id of an availability zone that does not exist is rejected (404)',
    );
    byTitle(set, 'POST /api/v1/disks/{disk_id}/attach: vm_id of a VM that does not exist is rejected (422)');
    byTitle(set, 'POST /api/v1/disks: the same create request sent twice is rejected (409)');
    const referenced = byTitle(
      set,
      'DELETE /api/v1/disks/{disk_id}: disk still referenced by another resource is rejected (405)',
    );
    expect(stepText(referenced)).toContain(
      'Send POST /api/v1/disks/$DISK_ID/attach with body {"vm_id": "$VM_ID"} so that the disk is referenced',
    );
  });

  it('links each case to the spec on the web, else to the operation on the API server', async () => {
    const { set } = await apiCases(FULL_SPEC);
    expect(byTitle(set, 'POST /api/v1/disks: creates a disk (201)').links).toEqual([
      { url: 'http://127.0.0.1:4010/api/v1/disks', name: 'Endpoint: POST /api/v1/disks' },
    ]);
    const { set: published } = await apiCases(FULL_SPEC, {
      owner: 'qa',
      sourceUrl: 'https://gitlab.example.com/api/openapi.yaml',
    });
    expect(byTitle(published, 'POST /api/v1/disks: creates a disk (201)').links).toEqual([
      {
        url: 'https://gitlab.example.com/api/openapi.yaml#/paths/~1api~1v1~1disks/post',
        name: 'OpenAPI: POST /api/v1/disks',
      },
    ]);
  });

  it('auth and state transitions', async () => {
    const { set } = await apiCases(FULL_SPEC);
    const unauthorized = byTitle(
      set,
      'DELETE /api/v1/disks/{disk_id}: request without a valid token is rejected (401)',
    );
    expect(unauthorized.priority).toBe('CRITICAL');
    expect(stepText(unauthorized)).toContain(
      'Send DELETE /api/v1/disks/$DISK_ID with the header Authorization: Bearer $INVALID_TOKEN → 401',
    );
    const deleted = byTitle(set, 'disk: a deleted disk is no longer found (404)');
    expect(
      deleted.steps.filter((step) => step.phase === 'act').map((step) => `${step.action} → ${step.expected}`),
    ).toEqual(['Send DELETE /api/v1/disks/$DISK_ID → 204', 'Send GET /api/v1/disks/$DISK_ID → 404']);
    byTitle(set, 'disk: attach then detach restores the previous state');
    byTitle(set, 'VM: POST /api/v1/vms/{vm_id}/set-power through every state (power_on, power_off, reboot)');
  });

  it('every variable a step uses is explained in the preconditions', async () => {
    const { set } = await apiCases(FULL_SPEC);
    for (const manualCase of set.cases) {
      const used = new Set(stepText(manualCase).match(/\$[A-Z_]+/g) ?? []);
      for (const variable of used)
        expect(
          manualCase.preconditions.some((line) => line.startsWith(`${variable.slice(1)}:`)),
          `${manualCase.id} ${variable}`,
        ).toBe(true);
    }
  });
});
