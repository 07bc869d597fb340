import { describe, expect, it } from 'vitest';
import { evidenceCompanions } from './run-report.ts';

describe('evidenceCompanions', () => {
  it('finds the screenshot and trace beside a UI test’s evidence, not other tests’ files', () => {
    expect(
      evidenceCompanions('evidence/total/evidence.json', [
        'evidence/total/evidence.json',
        'evidence/total/screenshot.png',
        'evidence/total/trace.zip',
        'evidence/other/screenshot.png',
        'tests/a.spec.ts',
      ]),
    ).toEqual(['evidence/total/screenshot.png', 'evidence/total/trace.zip']);
  });
});
