import { describe, expect, it } from 'vitest';
import type { ExistingTest } from '../../../src/core/existing-test.ts';
import { generateTestPlan } from '../../../src/generation/plan/generate-test-plan.ts';
import { caseSetOf, defect, manualCase, twinCases } from './case-builders.ts';

describe('case prioritisation', () => {
  it('ranks the cases of a component with an open Blocker above equal cases of one without defects', () => {
    const plan = generateTestPlan({
      cases: caseSetOf(twinCases()),
      defects: [defect({ key: 'COMPUTE-409', components: ['Disks'], priority: 'Blocker' })],
      existingTests: [],
    });
    const ranked = plan.prioritisation.cases.map((entry) => entry.id);
    expect(ranked.indexOf('get_disks_list')).toBeLessThan(ranked.indexOf('get_flavors_list'));
    expect(ranked.indexOf('get_disks_unknown_id')).toBeLessThan(ranked.indexOf('get_flavors_unknown_id'));
    const disks = plan.prioritisation.cases.find((entry) => entry.id === 'get_disks_list');
    expect(disks?.history).toBe(0.5);
    expect(disks?.reasons).toContain('open Blocker COMPUTE-409');
  });

  it('computes every score with the stated formula', () => {
    const plan = generateTestPlan({
      cases: caseSetOf([
        ...twinCases(),
        manualCase({
          id: 'create_disk',
          feature: 'Disks',
          priority: 'CRITICAL',
          trace: [{ kind: 'operation', operation: 'POST /api/v1/disks', status: 201 }],
        }),
      ]),
      defects: [
        defect({ key: 'D-1', components: ['Disks'], priority: 'Critical', resolution: 'Fixed' }),
        defect({ key: 'D-2', components: ['Disks'], priority: 'Minor' }),
        defect({ key: 'D-3', components: ['Flavors'], priority: 'Blocker', resolution: "Won't Fix" }),
      ],
      existingTests: [],
    });
    expect(plan.prioritisation.formula).toContain('criticality × (1 + history) × (1 − coverage)');
    for (const entry of plan.prioritisation.cases) {
      const expected = entry.criticality * (1 + entry.history) * (1 - entry.coverage);
      expect(entry.score).toBeCloseTo(expected, 3);
    }
    const create = plan.prioritisation.cases.find((entry) => entry.id === 'create_disk');
    // CRITICAL (3) × (1 + 0.25 × writes data); history (4 × 0.5 + 1) / 16.
    expect(create).toMatchObject({ rank: 1, criticality: 3.75, history: 0.188 });
    const flavors = plan.prioritisation.cases.find((entry) => entry.id === 'get_flavors_list');
    expect(flavors?.history).toBe(0);
  });

  it('breaks ties by feature then id, whatever order the cases come in', () => {
    const cases = twinCases();
    const first = generateTestPlan({ cases: caseSetOf(cases), defects: [], existingTests: [] });
    const second = generateTestPlan({
      cases: caseSetOf([...cases].reverse()),
      defects: [],
      existingTests: [],
    });
    expect(second.prioritisation.cases).toEqual(first.prioritisation.cases);
    expect(first.prioritisation.cases.map((entry) => entry.id)).toEqual([
      'get_disks_list',
      'get_disks_unknown_id',
      'get_flavors_list',
      'get_flavors_unknown_id',
    ]);
  });

  it('lowers a case that an existing automated test already checks', () => {
    const automated = existingTest(
      'tests/test_disks.py::TestDisks::test_list',
      'GET',
      '/api/v1/disks',
      [200],
    );
    const plan = generateTestPlan({ cases: caseSetOf(twinCases()), defects: [], existingTests: [automated] });
    const covered = plan.prioritisation.cases.find((entry) => entry.id === 'get_disks_list');
    expect(covered).toMatchObject({ coverage: 1, score: 0, coveredBy: [automated.id] });
    expect(plan.prioritisation.cases.at(-1)?.id).toBe('get_disks_list');
    expect(plan.prioritisation.existingTests).toMatchObject([{ rank: 1, id: automated.id }]);
  });
});

function existingTest(id: string, method: string, path: string, statuses: number[]): ExistingTest {
  return {
    id,
    file: id.split('::')[0] ?? id,
    framework: 'pytest',
    name: id.split('::').at(-1) ?? id,
    title: 'List disks',
    description: undefined,
    suitePath: ['TestDisks'],
    line: 10,
    endLine: 20,
    labels: {
      feature: 'Disks',
      story: undefined,
      suite: 'API',
      owner: undefined,
      priority: undefined,
      tags: [],
      links: [],
      operations: [],
      covers: [],
      caseId: undefined,
      skipped: false,
    },
    steps: [],
    requests: [
      {
        method,
        path,
        query: undefined,
        pathParams: undefined,
        body: undefined,
        auth: undefined,
        expectedStatuses: statuses,
        context: [],
        line: 12,
      },
    ],
    uiActions: [],
    assertions: [],
  };
}
