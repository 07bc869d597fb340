import { tmpdir } from 'node:os';

/** The machine's temp folder, shared by every test file (see scratch-tmpdir.ts). */
export function sharedTmpdir(): string {
  return process.env['TESTOPS_TEST_SHARED_TMPDIR'] ?? tmpdir();
}
