// The SSRF guard inside a suite run: the runner's child processes (Playwright Test and its
// workers, pytest) refuse connections to addresses the guard refuses, and connect to the base
// URL's host only at the addresses checked just before the run. Checking the base URL when the
// job was submitted is not enough: the name may answer differently by the time the suite runs.
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SPECIAL_ADDRESS_BLOCKS } from '../../core/special-addresses.ts';

export interface ConnectGuardPolicy {
  /** Host name → the addresses judged for it just before the run: its connections go there only. */
  pins: Record<string, readonly string[]>;
  /** "address:port" endpoints on this machine the run may reach anyway: the browser's guard proxy. */
  allow?: readonly string[];
}

/** Where the child reads the policy (JSON: the pins and the IANA blocks). */
export const CONNECT_GUARD_ENV = 'TESTOPS_CONNECT_GUARD';

const folder = fileURLToPath(new URL('./connect-guard/', import.meta.url));

/** Environment for a Node child (Playwright Test): the guard is preloaded into every process. */
export function nodeGuardEnv(policy: ConnectGuardPolicy, env: NodeJS.ProcessEnv): Record<string, string> {
  const preload = `--import=${pathToFileURL(join(folder, 'preload.mjs')).href}`;
  return {
    [CONNECT_GUARD_ENV]: JSON.stringify(policy),
    NODE_OPTIONS: [env['NODE_OPTIONS'], preload].filter(Boolean).join(' '),
  };
}

/** Environment for pytest, which then loads the guard plugin with `-p testops_connect_guard`. */
export function pythonGuardEnv(policy: ConnectGuardPolicy, env: NodeJS.ProcessEnv): Record<string, string> {
  return {
    [CONNECT_GUARD_ENV]: JSON.stringify({ ...policy, blocks: SPECIAL_ADDRESS_BLOCKS }),
    PYTHONPATH: [folder, env['PYTHONPATH']].filter(Boolean).join(delimiter),
  };
}

export const PYTEST_GUARD_PLUGIN = ['-p', 'testops_connect_guard'];
