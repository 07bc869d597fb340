import type { ModelServer } from './model-fixture-server.ts';

/** The key the pipeline tests give the fixture model: it must never reach a suite or report. */
export const FIXTURE_API_KEY = 'sk-never-in-a-suite';

/**
 * Points TESTOPS_LLM_* at the fixture server with this scenario, as a user's environment would,
 * in JSON mode and without retries (a failing call fails at once).
 */
export function useFixtureModel(server: ModelServer, scenario: string): void {
  server.scenario = scenario;
  Object.assign(process.env, {
    TESTOPS_LLM_BASE_URL: server.baseUrl,
    TESTOPS_LLM_API_KEY: FIXTURE_API_KEY,
    TESTOPS_LLM_MODEL: 'fixture-json-mode',
    TESTOPS_LLM_MAX_RETRIES: '0',
  });
}

/** Removes every TESTOPS_LLM_* setting (after each test that set one). */
export function forgetModelSettings(): void {
  for (const name of Object.keys(process.env)) if (name.startsWith('TESTOPS_LLM_')) delete process.env[name];
}
