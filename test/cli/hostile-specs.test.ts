import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { yamlBomb } from '../fixtures/specs/yaml-bomb.ts';

// `testops generate api --spec <file>` on hostile specs: a clear error and exit code, never a
// stack trace or "Maximum call stack size exceeded".
const run = promisify(execFile);

async function generateApi(name: string, text: string): Promise<{ code: number; stderr: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'testops-hostile-'));
  const spec = join(dir, name);
  await writeFile(spec, text);
  const args = ['bin/testops.js', 'generate', 'api', '--spec', spec, '--out', join(dir, 'suite')];
  try {
    const { stderr } = await run(process.execPath, args, { maxBuffer: 20_000_000 });
    return { code: 0, stderr };
  } catch (error) {
    const failure = error as { code: number; stderr: string };
    return { code: failure.code, stderr: failure.stderr };
  }
}

describe('testops generate api on hostile specs', () => {
  it('a YAML bomb exits 2 with TESTOPS_SPEC_TOO_COMPLEX', async () => {
    const bomb = yamlBomb(9);
    const { code, stderr } = await generateApi('bomb.yaml', bomb);
    expect(code).toBe(2);
    expect(stderr).toContain('TESTOPS_SPEC_TOO_COMPLEX');
    expect(stderr).toContain('the document expands too much');
  });

  it('a 10k-deep $ref chain skips its operation with the reason and generates the rest', async () => {
    const schemas: Record<string, unknown> = {};
    for (let index = 0; index < 10_000; index++)
      schemas[`S${index}`] =
        index === 9_999 ? { type: 'string' } : { $ref: `#/components/schemas/S${index + 1}` };
    const ok = (ref: string) => ({
      '200': { description: 'ok', content: { 'application/json': { schema: { $ref: ref } } } },
    });
    const spec = {
      openapi: '3.0.3',
      info: { title: 'Chain', version: '1' },
      paths: {
        '/far': { get: { responses: ok('#/components/schemas/S0') } },
        '/near': { get: { responses: ok('#/components/schemas/S9990') } },
      },
      components: { schemas },
    };
    const { code, stderr } = await generateApi('chain.json', JSON.stringify(spec));
    expect(code).toBe(0);
    expect(stderr).toContain('skipped GET /far: ');
    expect(stderr).toContain('a $ref chain deeper than 64 at #/components/schemas/S63/$ref');
    expect(stderr).not.toContain('skipped GET /near');
    expect(stderr).not.toContain('Maximum call stack');
  });
});
