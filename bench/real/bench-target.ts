// What the benchmark knows about one real application: how to start it on loopback with
// throw-away state, where its OpenAPI document and web app are, and how to log in.
import type { LoginStep } from '../../src/sources/web/login-steps.ts';

export interface ApiEntry {
  spec: string;
  baseUrl: string;
  /** `Name: value` headers, as given to `--header`. */
  headers: string[];
}

export interface UiEntry {
  url: string;
  /** Steps for `--login-steps`; `${VAR}` values come from `env`. */
  loginSteps?: LoginStep[];
  env?: Record<string, string>;
  /** `--time-budget` in seconds, for an app whose pages hold many controls (the CLI's default is 120). */
  timeBudgetS?: number;
}

export interface RunningTarget {
  api?: ApiEntry;
  ui?: UiEntry;
  stop: () => Promise<void>;
}

export interface StartContext {
  /** Temporary folder for this target's data, logs and suites; removed afterwards. */
  workDir: string;
  /** Where `bench/real`'s own node_modules live. */
  packageDir: string;
  /** How long the target may take to become ready. */
  timeoutMs: number;
}

export interface BenchTarget {
  name: string;
  /** The npm package and pinned version, as in bench/real/package.json. */
  pkg: string;
  kinds: ('api' | 'ui')[];
  start: (context: StartContext) => Promise<RunningTarget>;
}
