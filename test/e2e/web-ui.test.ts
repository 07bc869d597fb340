// End to end for the web UI in a real Chromium against the real server on the embedded default
// (PGlite, jobs in process, the bundled demos): a project is created, an API suite generated
// against the bundled compute demo and watched to completion, a seeded fault's evidence opened,
// the zip downloaded, a standards check run, and a slash command sent in the chat when the
// server has one. Every screen is checked with axe.
import type { Browser, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startComputeApi, type ComputeApiServer } from '../../examples/compute-api/server.ts';
import { loadServiceConfig } from '../../src/service/config.ts';
import { webUiBuilt } from '../../src/service/http/web-ui.ts';
import { startServer, type RunningServer } from '../../src/service/start-server.ts';
import { tempDataDir, type TempDataDir } from '../service/support/databases.ts';
import { ChatPanel } from './web-ui/chat-panel.ts';
import { GeneratePage } from './web-ui/generate-page.ts';
import { JobPage } from './web-ui/job-page.ts';
import { ProjectsPage } from './web-ui/projects-page.ts';
import { QualityPage } from './web-ui/quality-page.ts';
import { launchChromium, seriousViolations } from './web-ui/web-app.ts';

const SPEC = fileURLToPath(new URL('../../examples/compute-api/openapi.yaml', import.meta.url));
const JOB_TIMEOUT_MS = 240_000;

let dataDir: TempDataDir;
let server: RunningServer;
let faulty: ComputeApiServer;
let browser: Browser;
let page: Page;
const axe: Record<string, string[]> = {};

async function checkAxe(screen: string): Promise<void> {
  axe[screen] = await seriousViolations(page);
}

beforeAll(async () => {
  if (!webUiBuilt())
    throw new Error('web/dist is missing: run `bash scripts/install-deps.sh` (it builds the web UI).');
  dataDir = await tempDataDir();
  // The seeded-fault API runs on loopback like the bundled demos; the server is told to allow it.
  faulty = await startComputeApi({ fault: 'wrong-content-type' });
  const config = loadServiceConfig(
    { TESTOPS_DATA_DIR: dataDir.path, LOG_LEVEL: 'warn', TESTOPS_ALLOW_PRIVATE_TARGETS: '1' },
    { port: 0, concurrency: 1 },
  );
  server = await startServer(config, { demos: true });
  browser = await launchChromium();
  page = await (
    await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })
  ).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await faulty?.close();
  await dataDir?.remove();
});

describe('the web UI, end to end', () => {
  let projectId: string;

  it('creates a project and generates a verified API suite against the bundled compute demo, watching its stages', async () => {
    const projects = new ProjectsPage(page);
    await projects.open(server.url);
    expect(page.url()).toMatch(/\/projects$/);
    await checkAxe('projects');
    projectId = await projects.create('Web e2e');
    await checkAxe('project overview');

    await projects.openNavigation('Generate');
    await checkAxe('generate');
    await new GeneratePage(page).generateApiSuite({
      demo: 'compute-api',
      operations: 'GET /api/v1/flavors',
      repeat: 1,
    });
    const job = new JobPage(page);
    // A reload mid-job reconnects to the same stream and replays what it missed.
    await page.reload();
    const finished = await job.waitUntilFinished(JOB_TIMEOUT_MS);
    expect(finished.status).toBe('completed');
    expect(finished.stages.length).toBeGreaterThanOrEqual(3);
    await expect.poll(() => page.getByText(/^done in /).count()).toBeGreaterThanOrEqual(3);
    await checkAxe('job');

    expect(await job.openFirstTest()).toMatch(/^Source of .+\.(ts|py)$/);
    await checkAxe('tests and code');
    const zip = await job.downloadZip();
    expect(zip.suggestedFilename()).toMatch(/^testops-api-tests-.+\.zip$/);
    const bytes = await readFile((await zip.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  }, 400_000);

  it('shows a seeded fault as a suspected defect with its evidence and curl line', async () => {
    await page.goto(`${server.url}/projects/${projectId}/generate`);
    await new GeneratePage(page).generateApiSuite({
      specFile: SPEC,
      baseUrl: faulty.url,
      headers: `Authorization: Bearer ${faulty.token}`,
      operations: 'GET /api/v1/flavors',
      repeat: 1,
    });
    const job = new JobPage(page);
    expect((await job.waitUntilFinished(JOB_TIMEOUT_MS)).status).toBe('completed');
    await job.openTab(/^Suspected defects \([1-9]/);
    const defect = await job.openFirstDefectEvidence();
    expect(defect.title).toMatch(/content.type|text\/plain/i);
    expect(defect.curl).toContain('/api/v1/flavors');
    expect(defect.curl).not.toContain(faulty.token);
    expect(defect.evidence).toContain('text/plain');
    await checkAxe('defect evidence');
  }, 400_000);

  it('runs a standards check on an uploaded test file and shows its findings by rule', async () => {
    await page.goto(`${server.url}/projects/${projectId}/quality`);
    await checkAxe('quality');
    const quality = new QualityPage(page);
    await quality.runStandardsCheck([{ name: 'test_login.py', content: 'def test_login():\n    pass\n' }]);
    expect((await new JobPage(page).waitUntilFinished(JOB_TIMEOUT_MS)).status).toBe('completed');
    expect((await quality.rules()).length).toBeGreaterThan(0);
    await checkAxe('standards report');
  }, 200_000);

  it('answers a slash command in the chat, without a model (when the server has the chat)', async (context) => {
    const paths = (
      (await (await fetch(`${server.url}/openapi.json`)).json()) as { paths: Record<string, unknown> }
    ).paths;
    if (!paths['/api/v1/projects/{id}/chat']) context.skip();
    await page.goto(`${server.url}/projects/${projectId}`);
    const reply = await new ChatPanel(page).send('/help');
    expect(reply).toMatch(/\/\w+/);
    await checkAxe('chat');
  }, 120_000);

  it('keeps settings, dark theme and phone width accessible', async () => {
    await page.goto(`${server.url}/settings`);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('TESTOPS_LLM_NOT_CONFIGURED');
    await checkAxe('settings');
    await page.getByRole('button', { name: 'Switch to dark theme' }).click();
    await page.goto(`${server.url}/projects/${projectId}`);
    await page.getByRole('heading', { name: 'Web e2e' }).waitFor();
    await checkAxe('project overview, dark');
    await page.setViewportSize({ width: 390, height: 844 });
    await new ProjectsPage(page).openNavigation('Quality');
    await page.getByRole('heading', { name: 'Quality' }).waitFor();
    await checkAxe('quality, phone');
    expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((screen) => [screen, []])));
  }, 120_000);
});
