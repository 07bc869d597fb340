import type { ManualCase, ManualCaseSet } from '../../../src/core/manual-case.ts';
import { MANUAL_CASES_VERSION } from '../../../src/core/manual-case.ts';
import type { DefectRecord } from '../../../src/core/defect.ts';

/** A complete manual case with Arrange/Act/Assert steps; tests override what they vary. */
export function manualCase(fields: Partial<ManualCase> & Pick<ManualCase, 'id' | 'feature'>): ManualCase {
  return {
    title: `Case ${fields.id}`,
    description: '',
    story: fields.feature,
    suite: 'API',
    owner: 'qa-team',
    priority: 'NORMAL',
    tags: [],
    links: [],
    preconditions: [],
    steps: [
      { phase: 'arrange', action: 'Prepare the request', expected: undefined },
      { phase: 'act', action: 'Send it', expected: 'The API answers' },
      { phase: 'assert', action: 'Check the body', expected: 'It matches the schema' },
    ],
    trace: [],
    kind: 'positive',
    ...fields,
  };
}

export function caseSetOf(cases: ManualCase[], fields: Partial<ManualCaseSet> = {}): ManualCaseSet {
  return {
    version: MANUAL_CASES_VERSION,
    title: 'Demo service',
    source: { kind: 'openapi', location: 'demo.yaml' },
    requirements: [],
    cases,
    unused: [],
    ...fields,
  };
}

export function defect(
  fields: Partial<DefectRecord> & Pick<DefectRecord, 'key' | 'components'>,
): DefectRecord {
  return {
    summary: `Defect ${fields.key}`,
    priority: 'Major',
    created: '2026-09-01T10:00:00.000Z',
    resolution: undefined,
    source: { file: 'defects.csv', line: 2 },
    ...fields,
  };
}

/** The same read-only case once for the disks and once for the flavors collection. */
export function twinCases(): ManualCase[] {
  return ['disks', 'flavors'].flatMap((collection) => {
    const feature = collection === 'disks' ? 'Disks' : 'Flavors';
    return [
      manualCase({
        id: `get_${collection}_list`,
        feature,
        title: `${feature} list answers 200`,
        trace: [{ kind: 'operation', operation: `GET /api/v1/${collection}`, status: 200 }],
      }),
      manualCase({
        id: `get_${collection}_unknown_id`,
        feature,
        kind: 'negative',
        title: `Unknown ${collection} id answers 404`,
        trace: [{ kind: 'operation', operation: `GET /api/v1/${collection}/{id}`, status: 404 }],
      }),
    ];
  });
}

/** The same UI check on two pages of the price calculator. */
export function calculatorTwins(): ManualCase[] {
  return ['Start page', 'Product catalogue'].map((feature, index) =>
    manualCase({
      id: `heading_on_${feature.toLowerCase().replace(' ', '_')}`,
      feature,
      suite: 'UI',
      kind: 'visibility',
      title: `${feature} shows its heading`,
      trace: [{ kind: 'requirement', id: `CALC-${index + 1}`, text: `${feature} shows its heading.` }],
    }),
  );
}
