// npm run screenshots — the README's pictures of the web UI, taken in a real Chromium from the
// built UI on the embedded default with the bundled demos: a project, a generation against the
// compute demo, its tests and code, and a standards report. Written to docs/screenshots/.
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { loadServiceConfig } from '../../src/service/config.ts';
import { webUiBuilt } from '../../src/service/http/web-ui.ts';
import { startServer } from '../../src/service/start-server.ts';
import { tempDataDir } from '../../test/service/support/databases.ts';
import { launchChromium } from '../../test/e2e/web-ui/web-app.ts';

const OUT = new URL('../../docs/screenshots/', import.meta.url);

async function submit(base: string, path: string, body: unknown): Promise<string> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { request_id: string }).request_id;
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: new URL(`${name}.png`, OUT).pathname });
  console.log(`docs/screenshots/${name}.png`);
}

if (!webUiBuilt()) throw new Error('web/dist is missing: run `bash scripts/install-deps.sh` first.');
await mkdir(OUT, { recursive: true });
const dataDir = await tempDataDir();
const server = await startServer(
  loadServiceConfig({ TESTOPS_DATA_DIR: dataDir.path, LOG_LEVEL: 'warn' }, { port: 0 }),
  {
    demos: true,
  },
);
const browser = await launchChromium();
try {
  const base = server.url;
  await fetch(`${base}/api/v1/projects`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Compute API', id: 'compute-api' }),
  });
  const demo = server.demos.find((item) => item.name === 'compute-api')!;
  const { readFile } = await import('node:fs/promises');
  const suite = await submit(base, '/api/v1/generate/api-tests', {
    project_id: 'compute-api',
    openapi_spec: await readFile(demo.spec!, 'utf8'),
    base_url: demo.url,
    endpoints: ['GET /api/v1/flavors', 'GET /api/v1/flavors/{flavor_id}'],
    options: { repeat: 1, headers: [`Authorization: Bearer ${demo.token}`] },
  });
  const check = await submit(base, '/api/v1/validate', {
    project_id: 'compute-api',
    files: [{ path: 'tests/test_login.py', content: 'def test_login():\n    pass\n' }],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, colorScheme: 'light' });
  await page.goto(`${base}/jobs/${suite}`);
  await page.getByText(/^Finished/).waitFor({ timeout: 300_000 });
  await page.getByRole('list', { name: 'Tests' }).getByRole('button').first().click();
  await page.getByLabel(/^Source of /).waitFor();
  await shoot(page, 'job-tests-and-code');
  await page.goto(`${base}/projects/compute-api`);
  await page.getByText('Latest run health').waitFor();
  await shoot(page, 'project');
  await page.goto(`${base}/projects/compute-api/generate`);
  await page.getByRole('button', { name: 'Use the bundled compute-api demo' }).click();
  await shoot(page, 'generate');
  await page.goto(`${base}/jobs/${check}`);
  await page
    .getByRole('button', { name: /finding/ })
    .first()
    .click();
  await shoot(page, 'standards-report');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/projects`);
  await page.getByRole('heading', { name: 'Projects' }).waitFor();
  await shoot(page, 'projects-phone-dark');
} finally {
  await browser.close();
  await server.close();
  await dataDir.remove();
}
