import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

// A filter menu shown the way MUI's Menu and Popover show one (seen on a real admin UI): a layer
// appended to the body, `role="presentation"` and no dialog role, over a backdrop, and the app's
// root hidden from assistive technology (`aria-hidden`) while the page still shows behind it.
// The suite expected the page's texts ("Recent project", the footer) hidden once the menu was
// open; in a test they are as visible as ever.
const pages = {
  '/': html(
    'Flags',
    `<div class="app"><main><h1>Flags</h1>
     <p>Recent project</p>
     <button id="filter" aria-haspopup="menu">Add Filter</button>
     </main><footer><p>Open source 6.4.1</p></footer></div>
     <script>
       const root = document.querySelector(".app");
       document.getElementById('filter').addEventListener('click', () => {
         const layer = document.createElement('div');
         layer.setAttribute('role', 'presentation');
         layer.style.cssText = 'position: fixed; inset: 0';
         layer.innerHTML = '<div class="backdrop" style="position: fixed; inset: 0"></div>'
           + '<ul role="menu" style="position: absolute; top: 60px; left: 60px; background: white">'
           + '<li role="menuitem" tabindex="0">Created by</li><li role="menuitem" tabindex="-1">Tags</li></ul>';
         const close = () => { layer.remove(); root.removeAttribute('aria-hidden'); };
         layer.querySelector('.backdrop').addEventListener('click', close);
         layer.addEventListener('keydown', (event) => { if (event.key === 'Escape') close(); });
         document.body.appendChild(layer);
         root.setAttribute('aria-hidden', 'true');
       });
     </script>`,
  ),
};

describe("a menu in a layer that hides the app's root from assistive technology", () => {
  let site: LocalSite;
  let page: PageModel;

  beforeAll(async () => {
    site = await startLocalSite(pages);
    const out = await mkdtemp(join(tmpdir(), 'testops-menu-layer-'));
    const model = await exploreSite({ url: site.url, allowPrivate: true, maxPages: 1, outDir: out });
    page = model.pages[0]!;
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  it('records the menu appearing, and none of the texts it covers gone', () => {
    const byId = (id: string) => page.elements.find((element) => element.id === id);
    const opened = page.interactions.find(
      (interaction) =>
        interaction.action.kind === 'click' && byId(interaction.action.target)?.name === 'Add Filter',
    );
    expect(opened, JSON.stringify(page.interactions, null, 1)).toBeDefined();
    expect(JSON.stringify(opened!.effects)).toContain('Created by');
    // Without the layer counted as a dialog counts: "Flags", "Recent project" and the footer.
    expect(opened!.effects.filter((effect) => effect.kind === 'disappeared')).toEqual([]);
  });
});
