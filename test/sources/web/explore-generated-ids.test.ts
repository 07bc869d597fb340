import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

// A menu in the style of component libraries: a framework's counter names it (`useId-7`, React's
// `:r7:`), and the counter stands wherever the app's renders left it, which differs from one load
// to the next. The menu's id is no key for telling two replays of its opening apart.
const pages = {
  '/': html(
    'Account',
    `<header><button id="account" aria-haspopup="menu" aria-expanded="false">Account</button></header>
     <main><h1>Account</h1><p>Signed in.</p></main>
     <script>
       // Renders before the click differ between loads: here, the time the page has been open.
       const counter = () => Math.round(performance.now() * 10);
       const account = document.getElementById('account');
       account.addEventListener('click', () => {
         const portal = document.createElement('div');
         portal.innerHTML = '<div role="presentation" id="useId-' + counter() + '">'
           + '<ul role="menu" id=":r' + counter().toString(36) + ':">'
           + '<li role="menuitem" tabindex="-1">View profile</li>'
           + '<li role="menuitem" tabindex="-1">Sign out</li></ul></div>';
         document.body.append(portal);
         account.setAttribute('aria-expanded', 'true');
       });
     </script>`,
  ),
};

describe("a menu named by a framework's counter", () => {
  let site: LocalSite;
  let page: PageModel;

  beforeAll(async () => {
    site = await startLocalSite(pages);
    const out = await mkdtemp(join(tmpdir(), 'testops-generated-ids-'));
    const model = await exploreSite({ url: site.url, allowPrivate: true, maxPages: 1, outDir: out });
    page = model.pages[0]!;
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  it('explores its opening as reproducible, with what it shows', () => {
    const account = page.elements.find((element) => element.name === 'Account' && element.role === 'button');
    const opened = page.interactions.find((interaction) => interaction.action.target === account?.id);
    expect(opened?.reproducible).toBe(true);
    expect(JSON.stringify(opened?.effects)).toContain('View profile');
  });
});
