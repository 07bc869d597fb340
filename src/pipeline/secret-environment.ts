import {
  environmentSecretValues,
  secretScrubber,
  SECRET_VARS_ENV,
  type SecretScrubber,
} from '../core/secret-values.ts';

/**
 * Secret variables reach the suite like any variable (their environment name), and
 * `TESTOPS_SECRET_VARS` names them so the suite's runtime masks their values; names already
 * marked in our own environment stay marked.
 */
export function secretVariableEnvironment(
  secretVariables: Record<string, string>,
  envNameOf: (name: string) => string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(secretVariables)) env[envNameOf(name)] = value;
  const marked = new Set(
    [...(process.env[SECRET_VARS_ENV] ?? '').split(','), ...Object.keys(env)]
      .map((name) => name.trim())
      .filter(Boolean),
  );
  if (marked.size > 0) env[SECRET_VARS_ENV] = [...marked].join(',');
  return env;
}

/** The scrubber for a run: the secret values of the environment the suite runs with, by the suite's own rule. */
export function runScrubber(env: Record<string, string>): SecretScrubber {
  return secretScrubber(environmentSecretValues({ ...process.env, ...env }));
}
