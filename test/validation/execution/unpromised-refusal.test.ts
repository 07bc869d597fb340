import { describe, expect, it } from 'vitest';
import { unpromisedRefusal } from '../../../src/validation/execution/unpromised-refusal.ts';

describe('a success for a missing identifier when no 404 is documented', () => {
  const operation = 'POST /projects/{projectId}/archive';

  it('is no finding: the document promises no refusal', () => {
    expect(unpromisedRefusal({ missingResource: 'unpromised', status: 200, operation })).toMatch(
      /lists no 404 .*the server answers 200 .*no finding/,
    );
    expect(unpromisedRefusal({ missingResource: 'unpromised', status: 204, operation })).toBeDefined();
  });

  it('stays a finding when a 404 is documented, on a 5xx, or with no answer', () => {
    expect(unpromisedRefusal({ missingResource: 'promised', status: 200, operation })).toBeUndefined();
    expect(unpromisedRefusal({ missingResource: 'unpromised', status: 500, operation })).toBeUndefined();
    expect(
      unpromisedRefusal({ missingResource: 'unpromised', status: undefined, operation }),
    ).toBeUndefined();
    expect(unpromisedRefusal({ status: 200, operation })).toBeUndefined();
  });
});
