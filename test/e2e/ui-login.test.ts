// End to end for an app behind a login: exploration signs in with --login-steps, and the
// delivered suite must sign in the same way (its global set-up), with the password read from
// the environment only: on this app every page without a session sends the visitor to /login.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/core/run-report.ts';
import { generateUi } from '../../src/pipeline/generate-ui.ts';
import { runSuite } from '../../src/pipeline/run-suite.ts';
import { linkSuiteDependencies } from '../emit/playwright-ui/suite-dependencies.ts';
import { html, startLocalSite, type LocalSite } from '../sources/web/local-site.ts';

const PASSWORD = 'correct-horse-battery';
const guard = `<script>if (localStorage.getItem('session') !== 'ok') location.replace('/login');</script>`;
const pages = {
  '/': html(
    'Dashboard',
    `${guard}<nav aria-label="Main"><a href="/reports">Reports</a></nav>
     <main><h1>Dashboard</h1><p>Signed in as the tester</p></main>`,
  ),
  '/reports': html('Reports', `${guard}<main><h1>Reports</h1><p>No reports yet</p></main>`),
  '/favicon.ico': { status: 204, body: '' },
  '/login': html(
    'Sign in',
    `<main><h1>Sign in</h1><label>Email <input id="email" type="email"></label>
     <label>Password <input id="password" type="password"></label><button id="go">Sign in</button>
     <script>document.getElementById('go').addEventListener('click', () => {
       if (document.getElementById('password').value !== ${JSON.stringify(PASSWORD)}) return;
       localStorage.setItem('session', 'ok'); location.href = '/';
     });</script></main>`,
  ),
};
const loginSteps = `
- goto: /login
- fill: { label: Email }
  value: tester@example.com
- fill: { label: Password }
  value: \${TESTOPS_TEST_UI_PASSWORD}
- click: { role: button, name: Sign in }
- waitFor: { text: Signed in as the tester }
`;

let site: LocalSite;
let suiteDir: string;
let report: RunReport;

beforeAll(async () => {
  site = await startLocalSite(pages);
  suiteDir = await mkdtemp(join(tmpdir(), 'testops-ui-login-'));
  const steps = join(suiteDir, '..', `${suiteDir.split('/').at(-1)}-login.yaml`);
  await writeFile(steps, loginSteps);
  process.env['TESTOPS_TEST_UI_PASSWORD'] = PASSWORD;
  await generateUi({
    url: site.url,
    allowPrivate: true,
    maxPages: 2,
    outDir: suiteDir,
    loginSteps: steps,
    kinds: ['smoke', 'navigation'],
  });
  linkSuiteDependencies(suiteDir, await readFile(join(suiteDir, 'package.json'), 'utf8'));
  report = await runSuite({ suiteDir, baseUrl: site.url, repeat: 1 });
}, 300_000);

afterAll(async () => {
  await site?.close();
  if (suiteDir) await rm(suiteDir, { recursive: true, force: true });
});

describe('generate ui on an app behind a login', () => {
  it('delivers tests that run signed in, as exploration was', () => {
    expect(report.tests.generated).toBeGreaterThan(0);
    expect(report.suspectedDefects).toEqual([]);
    expect(report.tests.delivered).toBe(report.tests.generated);
  });

  it('keeps the password out of every file it wrote', async () => {
    const files = await readdir(suiteDir, { recursive: true });
    const texts = await Promise.all(
      files
        .filter((file) => !file.includes('node_modules') && /\.(ts|json|md|example|xml|txt)$/.test(file))
        .map((file) => readFile(join(suiteDir, file), 'utf8').catch(() => '')),
    );
    expect(texts.some((text) => text.includes(PASSWORD))).toBe(false);
    const logIn = await readFile(join(suiteDir, 'support', 'log-in.ts'), 'utf8');
    expect(logIn).toContain("fromEnv('${TESTOPS_TEST_UI_PASSWORD}')");
  });
});
