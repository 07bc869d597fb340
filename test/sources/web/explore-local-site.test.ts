import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel, SiteModel } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

const nav = `<nav aria-label="Main"><a href="/busy">Busy</a> <a href="/alert">Alert</a>
  <a href="/items">Items</a> <a href="/logout">Log out</a></nav>`;
const greeting = `<p id="greeting">Hello, stranger</p><script>
  if (localStorage.getItem('token')) document.getElementById('greeting').textContent = 'Welcome back';
</script>`;

const pages = {
  '/': html('Home', `${nav}<main><h1>Home</h1>${greeting}</main>`),
  // Never settles: the DOM changes every 100 ms, forever.
  '/busy': html(
    'Busy',
    `${nav}<main><h1>Busy</h1><p id="clock">0</p></main>
     <script>setInterval(() => { document.getElementById('clock').textContent = String(Date.now()); }, 100);</script>`,
  ),
  '/alert': html(
    'Alert',
    `<script>alert('Hello from the page');</script>${nav}<main><h1>Alert page</h1></main>`,
  ),
  '/items': html(
    'Items',
    `${nav}<main><h1>Items</h1>
     <ul><li>Apples <button onclick="fetch('/api/remove')">Remove Apples</button></li></ul>
     <button onclick="fetch('/api/remove')">Delete account</button>
     <button id="toggle" aria-expanded="false" aria-controls="details">Show details</button>
     <div id="details" hidden>Details text</div>
     <script>
       const toggle = document.getElementById('toggle');
       toggle.addEventListener('click', () => {
         const open = toggle.getAttribute('aria-expanded') !== 'true';
         toggle.setAttribute('aria-expanded', String(open));
         document.getElementById('details').hidden = !open;
       });
     </script></main>`,
  ),
  '/logout': html('Bye', '<h1>Logged out</h1>'),
  '/api/remove': { status: 204, body: '' },
  '/login': html(
    'Login',
    `<main><h1>Sign in</h1><label>Email <input type="email"></label>
     <label>Password <input type="password"></label><button id="go">Sign in</button>
     <script>document.getElementById('go').addEventListener('click', () => {
       localStorage.setItem('token', 'signed-in'); location.href = '/';
     });</script></main>`,
  ),
};

const loginSteps = `
- goto: /login
- fill: { label: Email }
  value: \${TESTOPS_TEST_LOGIN_EMAIL}
- fill: { label: Password }
  value: not-a-secret
- click: { role: button, name: Sign in }
- waitFor: { text: Welcome back }
`;

describe('exploring a small local site', () => {
  let site: LocalSite;
  let model: SiteModel;
  const page = (path: string): PageModel => model.pages.find((candidate) => candidate.path === path)!;

  beforeAll(async () => {
    site = await startLocalSite(pages);
    const out = await mkdtemp(join(tmpdir(), 'testops-explore-'));
    const steps = join(out, 'login.yaml');
    await writeFile(steps, loginSteps);
    process.env.TESTOPS_TEST_LOGIN_EMAIL = 'tester@example.com';
    model = await exploreSite({
      url: site.url,
      allowPrivate: true,
      // Generous for a loaded CI machine: only /busy should ever reach it.
      settleTimeoutMs: 6_000,
      maxPages: 6,
      concurrency: 3,
      loginSteps: steps,
      outDir: out,
    });
  });

  afterAll(async () => {
    await site?.close();
  });

  it('records a page that never settles as unsettled and still finishes the run', () => {
    const busy = page('/busy');
    expect(busy.settled).toBe(false);
    expect(busy.settleMs).toBeGreaterThanOrEqual(6_000);
    expect(busy.interactions).toEqual([]);
    expect(model.issues).toContainEqual({ url: busy.url, message: expect.stringContaining('never settled') });
    expect(page('/items').settled).toBe(true);
  });

  it('dismisses an alert on load and reports it', () => {
    const alert = page('/alert');
    expect(alert.headings).toContainEqual({ level: 1, text: 'Alert page' });
    expect(model.issues).toContainEqual({
      url: alert.url,
      message: 'alert dialog on load: "Hello from the page" (dismissed)',
    });
  });

  it('never triggers destructive elements or follows a logout link', () => {
    const items = page('/items');
    const byName = (name: string) => items.elements.find((element) => element.name === name)!;
    expect(byName('Remove Apples').destructive).toBe(true);
    expect(byName('Delete account').destructive).toBe(true);
    expect(byName('Show details').destructive).toBe(false);
    expect(site.hits).not.toContain('/api/remove');
    expect(site.hits).not.toContain('/logout');
    const toggle = items.interactions.find(
      (interaction) => interaction.action.target === byName('Show details').id,
    );
    expect(toggle?.reproducible).toBe(true);
    expect(toggle?.effects).toContainEqual(
      expect.objectContaining({ kind: 'appeared', text: 'Details text' }),
    );
    expect(toggle?.effects).toContainEqual(
      expect.objectContaining({ kind: 'state-changed', state: 'expanded' }),
    );
  });

  it('logs in with the steps file and explores every page signed in', () => {
    for (const explored of model.pages) {
      if (explored.path === '/') expect(explored.ariaSnapshot).toContain('Welcome back');
    }
    expect(site.hits.filter((path) => path === '/login').length).toBe(1);
  });
});
