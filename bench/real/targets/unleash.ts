// Unleash 6 (feature flags): serves its own OpenAPI document at /docs/openapi.json and a React
// admin UI (create, edit, archive and filter flags and projects), persisted in PostgreSQL.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { BenchTarget } from '../bench-target.ts';
import { createTempDatabase } from '../postgres-database.ts';
import { freePort, launchTarget } from '../target-process.ts';

export const unleash: BenchTarget = {
  name: 'unleash',
  pkg: 'unleash-server@6.4.1',
  kinds: ['api', 'ui'],
  async start({ workDir, packageDir, timeoutMs }) {
    const database = await createTempDatabase('unleash');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    // Documented start-up settings: an admin API token and the admin's password come from the
    // environment (INIT_ADMIN_API_TOKENS, UNLEASH_DEFAULT_ADMIN_*); telemetry and version checks off.
    const token = `*:*.${randomBytes(16).toString('hex')}`;
    const password = `Bench-${randomBytes(9).toString('base64url')}`;
    const launched = await launchTarget({
      spawn: {
        command: process.execPath,
        args: ['-e', "require('unleash-server').start()"],
        cwd: packageDir,
        env: {
          DATABASE_URL: database.url,
          DATABASE_SSL: 'false',
          HTTP_HOST: '127.0.0.1',
          HTTP_PORT: String(port),
          INIT_ADMIN_API_TOKENS: token,
          UNLEASH_DEFAULT_ADMIN_USERNAME: 'admin',
          UNLEASH_DEFAULT_ADMIN_PASSWORD: password,
          SEND_TELEMETRY: 'false',
          CHECK_VERSION: 'false',
          LOG_LEVEL: 'warn',
        },
        logFile: join(workDir, 'target.log'),
      },
      readyUrl: `${base}/health`,
      timeoutMs,
      ready: (response) => response.status === 200,
      cleanup: database.drop,
    });
    return {
      api: { spec: `${base}/docs/openapi.json`, baseUrl: base, headers: [`Authorization: ${token}`] },
      ui: {
        url: `${base}/`,
        loginSteps: [
          { goto: `${base}/login` },
          { fill: { label: 'Username or email' }, value: 'admin' },
          { fill: { label: 'Password' }, value: '${BENCH_LOGIN_PASSWORD}' },
          { click: { role: 'button', name: 'Sign in' } },
          { waitFor: { role: 'link', name: 'Projects' } },
        ],
        env: { BENCH_LOGIN_PASSWORD: password },
        // Its list pages hold 50–70 controls each: the default 120 s explored 3 pages and left
        // no time for flows (2026-12-06).
        timeBudgetS: 420,
      },
      stop: launched.stop,
    };
  },
};
