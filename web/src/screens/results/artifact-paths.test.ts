import { describe, expect, it } from 'vitest';
import { declarationLine, resolveArtifact, testFiles } from './artifact-paths.ts';

describe('artifact paths', () => {
  const files = [
    'api-suite/package.json',
    'api-suite/tests/flavors.spec.ts',
    'api-suite/evidence/a.json',
    'cases/test_login.py',
  ];

  it('resolves suite-relative paths to the task’s files', () => {
    expect(resolveArtifact('evidence/a.json', files)).toBe('api-suite/evidence/a.json');
    expect(resolveArtifact('cases/test_login.py', files)).toBe('cases/test_login.py');
    expect(resolveArtifact('nope.json', files)).toBeUndefined();
  });

  it('lists test files and finds where a test is declared', () => {
    expect(testFiles(files)).toEqual(['api-suite/tests/flavors.spec.ts', 'cases/test_login.py']);
    const source = "import x;\ntest('GET /flavors answers 200', async () => {\n});\n";
    expect(declarationLine(source, 'GET /flavors answers 200')).toBe(2);
    expect(declarationLine(source, 'other')).toBeUndefined();
  });
});
