import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputNamer, namedDeep, namedError, namedEvent } from '../../../src/service/jobs/input-names.ts';

const dataDir = '/srv/testops-data';
const jobId = '3f1c2b9e-0000-4000-8000-000000000001';
const inputDir = join(dataDir, 'jobs', jobId, 'input');

describe('inputNamer', () => {
  const names = inputNamer({
    dataDir,
    jobId,
    input: { requirements: ['First requirement.', '  Second\nspans two lines.  ', 'Third.'] },
  });

  it('names the inline spec, keeping its line and JSON pointer', () => {
    expect(names(`${inputDir}/openapi.yaml:3:7: invalid YAML`)).toBe('inline spec:3:7: invalid YAML');
    expect(names(`${inputDir}/openapi.json#/paths/~1a`)).toBe('inline spec#/paths/~1a');
  });

  it('maps a line of requirements.md to the requirement it came from', () => {
    // Items are trimmed and joined by a blank line: lines 1, 3–4 and 6.
    expect(names(`${inputDir}/requirements.md:1`)).toBe('requirements[0]');
    expect(names(`${inputDir}/requirements.md:4:2`)).toBe('requirements[1] (line 2)');
    expect(names(`${inputDir}/requirements.md:6`)).toBe('requirements[2]');
    expect(names(`read ${inputDir}/requirements.md`)).toBe('read requirements');
  });

  it('keeps the path a file was sent with, and names the rest without server folders', () => {
    expect(names(`${inputDir}/tests/suite/test_login.py:12`)).toBe('suite/test_login.py:12');
    expect(names(`no tests in ${inputDir}/files`)).toBe('no tests in files');
    expect(names(`${inputDir}/defects.csv`)).toBe('defects');
    expect(names(`${inputDir}/rules.yaml`)).toBe('options.rules');
    expect(names(`${join(dataDir, 'jobs', jobId, 'output')}/api-suite/a.spec.ts`)).toBe(
      'api-suite/a.spec.ts',
    );
    expect(names(`${dataDir}/secret.key`)).not.toContain(dataDir);
  });

  // Regression: a test-cases job's summary kept the job folder as its source's location.
  it('applies to every string of a result, leaving dates and other objects alone', () => {
    const at = new Date(0);
    const named = namedDeep(
      {
        summary: { manual: { source: { location: `${inputDir}/requirements.md` } } },
        list: [`${inputDir}/openapi.yaml`],
        at,
        count: 3,
      },
      names,
    );
    expect(named).toEqual({
      summary: { manual: { source: { location: 'requirements' } } },
      list: ['inline spec'],
      at,
      count: 3,
    });
    expect(named.at).toBe(at);
  });

  it('applies to job errors and engine events', () => {
    expect(
      namedError(
        {
          code: 'TESTOPS_SPEC_UNPARSABLE',
          message: `${inputDir}/openapi.yaml: bad`,
          where: `${inputDir}/openapi.yaml`,
        },
        names,
      ),
    ).toEqual({ code: 'TESTOPS_SPEC_UNPARSABLE', message: 'inline spec: bad', where: 'inline spec' });
    expect(
      namedEvent(
        { type: 'operation-skipped', operation: 'GET /a', reason: `${inputDir}/openapi.yaml#/x` },
        names,
      ),
    ).toEqual({ type: 'operation-skipped', operation: 'GET /a', reason: 'inline spec#/x' });
  });
});
