import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel, UiAction } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

// A modal create dialog a "New item" button opens, rendered outside the app's root (hidden from
// assistive technology while it shows) over a backdrop that takes the pointer. Its name field is
// not marked required. Before it in the document, the page behind offers a plain text box
// ("Search and filter") and "Add to favorites": read again behind the dialog, they look added by
// the state, and they come first. Its texts ("Recently viewed") still show behind the dialog.
const pages = {
  '/': html(
    'Items',
    `<style>#backdrop { position: fixed; inset: 0; background: rgb(0 0 0 / .3) }</style>
     <div class="app"><main><h1>Items</h1>
     <label for="query">Search and filter</label><input type="text" id="query">
     <button id="favorite">Add to favorites</button>
     <button id="new">New item</button>
     <p>Recently viewed</p>
     <ul id="items"></ul>
     </main></div>
     <div id="portal"></div>
     <script>
       const load = () => JSON.parse(localStorage.getItem('items') || '["alpha"]');
       const list = document.getElementById('items');
       const query = document.getElementById('query');
       const render = () => list.replaceChildren(...load().filter((name) => name.includes(query.value)).map((name) => {
         const item = document.createElement('li');
         item.textContent = name;
         return item;
       }));
       render();
       query.addEventListener('input', render);
       const favorite = document.getElementById('favorite');
       favorite.addEventListener('click', () => { favorite.textContent = 'Remove from favorites'; });
       const root = document.querySelector('.app');
       const portal = document.getElementById('portal');
       const close = () => { portal.replaceChildren(); root.removeAttribute('aria-hidden'); };
       document.getElementById('new').addEventListener('click', () => {
         portal.innerHTML = '<div id="backdrop"></div>'
           + '<div role="dialog" aria-modal="true" aria-labelledby="dialog-title" style="position: fixed; top: 20%; left: 30%; background: white"><form>'
           + '<h2 id="dialog-title">Create item</h2>'
           + '<label for="name">Item name</label><input id="name">'
           + '<label for="description">Description (optional)</label><textarea id="description"></textarea>'
           + '<button type="button" id="cancel">Cancel</button> <button type="submit">Create item</button>'
           + '</form></div>';
         root.setAttribute('aria-hidden', 'true');
         portal.querySelector('#cancel').addEventListener('click', close);
         portal.querySelector('form').addEventListener('submit', (event) => {
           event.preventDefault();
           const name = portal.querySelector('#name').value.trim();
           if (!name) return;
           localStorage.setItem('items', JSON.stringify([...load(), name]));
           close();
           render();
         });
       });
     </script>`,
  ),
};

describe('a create dialog over a page whose own controls read as added', () => {
  let site: LocalSite;
  let page: PageModel;

  beforeAll(async () => {
    site = await startLocalSite(pages);
    const out = await mkdtemp(join(tmpdir(), 'testops-dialog-focus-'));
    const model = await exploreSite({
      url: site.url,
      allowPrivate: true,
      maxPages: 1,
      maxInteractionsPerPage: 2,
      outDir: out,
    });
    page = model.pages[0]!;
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  const byId = (id: string) => page.elements.find((element) => element.id === id);
  const inPlace = () =>
    page.states?.filter((state) => state.inPlace).flatMap((state) => state.interactions) ?? [];

  it("fills the dialog's name, not the page's text box behind it, and creates with the dialog's own submit", () => {
    const create = inPlace().find((interaction) =>
      interaction.setup.some((step) => step.kind === 'fill' && !!step.mark),
    );
    const fill = create!.setup.find(
      (step): step is Extract<UiAction, { kind: 'fill' }> => step.kind === 'fill' && !!step.mark,
    )!;
    expect(byId(fill.target)?.name).toBe('Item name');
    expect(byId(create!.action.target)?.name).toBe('Create item');
    expect(create!.reproducible).toBe(true);
    expect(JSON.stringify(create!.effects)).toContain(fill.value);
  });

  it('tries none of the controls the dialog covers', () => {
    const names = inPlace().flatMap((interaction) =>
      [...interaction.setup, interaction.action].map((step) => byId(step.target)?.name),
    );
    expect(names).not.toContain('Search and filter');
    expect(names).not.toContain('Add to favorites');
  });

  it('does not take the texts the dialog covers for gone', () => {
    const opened = page.interactions.find(
      (interaction) =>
        interaction.action.kind === 'click' && byId(interaction.action.target)?.name === 'New item',
    );
    expect(opened?.effects.some((effect) => effect.kind === 'appeared')).toBe(true);
    expect(JSON.stringify(opened?.effects)).not.toContain('Recently viewed');
  });
});
