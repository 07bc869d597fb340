import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { IMAGE_REPOSITORY } from '../../deploy/src/image.ts';

const root = new URL('../../', import.meta.url);
const templates = ['.github/workflows/ci.yml', '.gitlab-ci.yml'].map((file) => {
  const text = readFileSync(new URL(file, root), 'utf8');
  return { file, text, document: parse(text) as { env?: object; variables?: object } };
});

describe.each(templates)('$file', ({ text, document }) => {
  it('runs the test suite, the manifest drift check and policies, and builds the image', () => {
    for (const step of ['bash scripts/test.sh', 'npm run deploy:check', 'npx vitest run test/deploy'])
      expect(text).toContain(step);
    expect(text).toMatch(/docker\/build-push-action|docker build/);
  });

  it('pushes to the repository the manifests pull from', () => {
    expect({ ...document.env, ...document.variables }).toMatchObject({ IMAGE: IMAGE_REPOSITORY });
  });
});
