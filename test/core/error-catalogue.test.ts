import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, exitCodeOf, isErrorCode } from '../../src/core/error-catalogue.ts';
import { TestopsError, isRetryableError } from '../../src/core/errors.ts';

async function sourceFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await sourceFiles(path)));
    else if (entry.name.endsWith('.ts')) files.push(path);
  }
  return files;
}

/** The documentation page, rendered from the catalogue. */
function renderErrorCodes(): string {
  const rows = Object.entries(ERROR_CATALOGUE).map(
    ([code, spec]) =>
      `| \`${code}\` | ${spec.status} | ${spec.retryable ? 'yes' : 'no'} | ${spec.kind} | ${exitCodeOf(spec.kind)} | ${spec.meaning} |`,
  );
  return [
    '# Error codes',
    '',
    'Every error of the CLI, the HTTP API and jobs carries one of these codes. The HTTP API answers',
    'with the status shown and the shape `{"error": {"code", "message", "request_id", "details"?}}`;',
    'jobs keep the code in their `errors`; the CLI exits with the code shown (0: every test delivered,',
    '1: suspected defects or flaky tests). Retryable errors are tried again by the job queue.',
    'Generated from `src/core/error-catalogue.ts` (`npx vitest run test/core -u` rewrites it).',
    '',
    '| code | HTTP | retryable | kind | CLI exit | meaning |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

describe('the error catalogue', () => {
  it('is documented in docs/error-codes.md, row for row', async () => {
    await expect(renderErrorCodes()).toMatchFileSnapshot('../../docs/error-codes.md');
  });

  it('lists every code the sources raise or report', async () => {
    const unknown = new Set<string>();
    for (const file of await sourceFiles('src')) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/(?:code: |TestopsError\(\s*|sendError\([^)]*?)'(TESTOPS_[A-Z_]+)'/g))
        if (!isErrorCode(match[1]!)) unknown.add(`${match[1]} (${file})`);
    }
    expect([...unknown]).toEqual([]);
  });

  it('gives every code a client or server HTTP status', () => {
    for (const spec of Object.values(ERROR_CATALOGUE)) {
      expect(spec.status).toBeGreaterThanOrEqual(400);
      expect(spec.status).toBeLessThan(600);
    }
  });

  it('retries what may pass next time and nothing else', () => {
    expect(isRetryableError(new TestopsError('TESTOPS_SOURCE_FETCH_FAILED', 'timed out'))).toBe(true);
    expect(isRetryableError(new TestopsError('TESTOPS_DATABASE_FAILED', 'connection lost'))).toBe(true);
    expect(isRetryableError(new TestopsError('TESTOPS_SPEC_INVALID', 'no paths'))).toBe(false);
    expect(isRetryableError(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isRetryableError(Object.assign(new Error('terminating connection'), { code: '57P01' }))).toBe(
      true,
    );
    expect(isRetryableError(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    // A bug fails the same way every time.
    expect(isRetryableError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBe(false);
    expect(isRetryableError('a string')).toBe(false);
  });

  it('exits 2 when the input must change and 3 when the machine, the target or testops failed', () => {
    expect(exitCodeOf(ERROR_CATALOGUE.TESTOPS_SPEC_INVALID.kind)).toBe(2);
    expect(exitCodeOf(ERROR_CATALOGUE.TESTOPS_BROWSER_MISSING.kind)).toBe(3);
    expect(exitCodeOf(ERROR_CATALOGUE.TESTOPS_SOURCE_FETCH_FAILED.kind)).toBe(3);
  });
});
