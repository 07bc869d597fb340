// bench:web — the web UI's budgets: the initial JavaScript (≤ 300 KB gzipped) and the test list
// rendering 10,000 tests and filtering them (< 200 ms each), measured in a real Chromium on the
// built UI served by the real server. The list's data is answered by the page's network layer,
// so only the UI is timed (loading 10,000 tests over the API is the API's own benchmark).
import type { Page } from '@playwright/test';
import { loadServiceConfig } from '../../src/service/config.ts';
import { WEB_UI_DIR, webUiBuilt } from '../../src/service/http/web-ui.ts';
import { startServer } from '../../src/service/start-server.ts';
import { tempDataDir } from '../../test/service/support/databases.ts';
import { launchChromium } from '../../test/e2e/web-ui/web-app.ts';
import { sampleTests } from '../../web/src/screens/results/test-fixtures.ts';
import { initialJavaScript } from './initial-js.ts';

const JS_BUDGET = 300 * 1024;
const LIST_BUDGET_MS = 200;
const COUNT = 10_000;
const TASK = '11111111-1111-4111-8111-111111111111';

if (!webUiBuilt()) throw new Error('web/dist is missing: run `bash scripts/install-deps.sh` first.');
const js = await initialJavaScript(WEB_UI_DIR);
console.log(
  `initial JavaScript   ${(js.gzipBytes / 1024).toFixed(1)} KB gzipped (${js.files.length} files; budget 300 KB) ${js.gzipBytes <= JS_BUDGET ? 'OK' : 'OVER'}`,
);

const tests = sampleTests(COUNT);
const task = {
  request_id: TASK,
  project_id: 'demo',
  kind: 'api-tests',
  status: 'completed',
  progress: { percent: 100, stage: null },
  summary: { tests: { generated: COUNT, delivered: COUNT } },
  errors: [],
  attempts: 1,
  cancel_requested: false,
  created_at: '2026-01-01T00:00:00.000Z',
  started_at: '2026-01-01T00:00:00.000Z',
  finished_at: '2026-01-01T00:01:00.000Z',
  links: { self: '', stream: '', artifacts: '', tests: '' },
};

async function answerApi(page: Page): Promise<void> {
  await page.route('**/api/v1/**', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === `/api/v1/tasks/${TASK}`) return route.fulfill({ json: task });
    if (url.pathname === `/api/v1/stream/${TASK}`)
      return route.fulfill({
        contentType: 'text/event-stream',
        body: 'id: 1\nevent: status\ndata: {"type":"status","status":"completed"}\n\n',
      });
    if (url.pathname === '/api/v1/tests') {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      return route.fulfill({
        json: { items: tests.slice(offset, offset + limit), total: COUNT, limit, offset },
      });
    }
    if (url.pathname.endsWith('/files')) return route.fulfill({ json: { items: [] } });
    return route.fulfill({
      status: 404,
      json: { error: { code: 'TESTOPS_NOT_FOUND', message: 'none', request_id: 'b' } },
    });
  });
}

/**
 * Milliseconds, timed inside the page, from the action until the count line reads `expected` and
 * a row is shown (polled every animation frame). Written as page source: it runs in the browser.
 */
function timeInPage(
  page: Page,
  action: 'tests-tab' | 'search',
  expected: string,
  text = '',
): Promise<number> {
  return page.evaluate(`(async () => {
    const started = performance.now();
    if (${JSON.stringify(action)} === 'tests-tab') {
      [...document.querySelectorAll('[role=tab]')].find((tab) => tab.textContent === 'Tests').click();
    } else {
      const input = [...document.querySelectorAll('input')].find((item) => item.labels?.[0]?.textContent === 'Search tests');
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(text)});
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    for (;;) {
      const shown = [...document.querySelectorAll('p')].some((p) => p.textContent === ${JSON.stringify(expected)});
      if (shown && document.querySelector('[role=listitem]')) return performance.now() - started;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  })()`);
}

const dataDir = await tempDataDir();
const server = await startServer(
  loadServiceConfig({ TESTOPS_DATA_DIR: dataDir.path, LOG_LEVEL: 'warn' }, { port: 0 }),
);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await answerApi(page);
  await page.goto(`${server.url}/jobs/${TASK}`);
  await page.getByText(`${COUNT} of ${COUNT} tests`).waitFor({ timeout: 60_000 });
  const renders: number[] = [];
  const filters: number[] = [];
  for (let round = 0; round < 5; round++) {
    await page.getByRole('tab', { name: 'Files' }).click();
    await page.getByText('Choose a file').waitFor();
    renders.push(await timeInPage(page, 'tests-tab', `${COUNT} of ${COUNT} tests`));
    filters.push(await timeInPage(page, 'search', `1 of ${COUNT} tests`, 'case 9999'));
    await page.getByLabel('Search tests').fill('');
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  for (const [label, values] of [
    ['render 10,000 tests', renders],
    ['filter 10,000 tests', filters],
  ] as const)
    console.log(
      `${label.padEnd(21)}${median(values).toFixed(0)} ms median of ${values.length} (budget ${LIST_BUDGET_MS} ms) ${median(values) < LIST_BUDGET_MS ? 'OK' : 'OVER'}`,
    );
} finally {
  await browser.close();
  await server.close();
  await dataDir.remove();
}
