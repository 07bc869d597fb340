// Every test file gets a temporary folder of its own as the OS temp folder, removed when the file
// is done: tests (and the servers, runners and browsers they start, which inherit TMPDIR) may
// make scratch folders freely without leaving them behind on the machine. Caches meant to outlive
// one file (a generated suite's installed dependencies) use `sharedTmpdir()`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const SHARED = 'TESTOPS_TEST_SHARED_TMPDIR';
const shared = process.env[SHARED] ?? tmpdir();
process.env[SHARED] = shared;
const scratch = mkdtempSync(join(shared, 'testops-test-'));
process.env['TMPDIR'] = scratch;

afterAll(() => {
  process.env['TMPDIR'] = shared;
  rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
});
