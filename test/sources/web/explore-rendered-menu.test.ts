import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

// A menu whose items exist only while it is open (React portals, Vue teleports, TiddlyWiki's
// reveal widget): its "Fold all" was never clicked, since follow-ups were planned only for
// controls that the first load already held, hidden.
const pages = {
  '/': html(
    'Notes',
    `<main><h1>Notes</h1>
     <section class="note"><h2>First</h2><p class="body">The first note's text</p></section>
     <button id="more">More actions</button>
     <button id="new">New note</button>
     </main>
     <script>
       document.getElementById('more').addEventListener('click', () => {
         if (document.querySelector('.menu')) return;
         const menu = document.createElement('div');
         menu.className = 'menu';
         menu.innerHTML = '<button type="button">Fold all</button>';
         menu.querySelector('button').addEventListener('click', () => {
           document.querySelectorAll('.body').forEach((body) => { body.hidden = true; });
           menu.remove();
         });
         document.addEventListener('keydown', (event) => { if (event.key === 'Escape') menu.remove(); });
         document.body.appendChild(menu);
       });
       // An editor rendered on open whose Save keeps a note named by the app, as TiddlyWiki's
       // "New Tiddler" is: the flows fill it with texts of their own, the page's follow-ups do not.
       document.getElementById('new').addEventListener('click', () => {
         if (document.querySelector('.editor')) return;
         const editor = document.createElement('div');
         editor.className = 'editor';
         editor.innerHTML = '<input aria-label="Title" value="New note"><button type="button">Save</button>';
         editor.querySelector('button').addEventListener('click', () => {
           const note = document.createElement('section');
           note.innerHTML = '<h2></h2>';
           note.querySelector('h2').textContent = editor.querySelector('input').value;
           document.querySelector('main').appendChild(note);
           editor.remove();
         });
         document.body.appendChild(editor);
       });
     </script>`,
  ),
};

describe('controls a menu renders only once it is open', () => {
  let site: LocalSite;
  let page: PageModel;

  beforeAll(async () => {
    site = await startLocalSite(pages);
    const out = await mkdtemp(join(tmpdir(), 'testops-rendered-menu-'));
    const model = await exploreSite({ url: site.url, allowPrivate: true, maxPages: 1, outDir: out });
    page = model.pages[0]!;
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  const byId = (id: string) => page.elements.find((element) => element.id === id);

  it('clicks the rendered item after opening the menu, and records what it did', () => {
    const folded = page.interactions.find(
      (interaction) => byId(interaction.action.target)?.name === 'Fold all',
    );
    expect(folded, JSON.stringify(page.interactions, null, 1)).toBeDefined();
    expect(folded!.setup.map((step) => byId(step.target)?.name)).toEqual(['More actions']);
    expect(folded!.reproducible).toBe(true);
    expect(JSON.stringify(folded!.effects)).toContain("The first note's text");
    // Not on the page at load: a test reaches it through the menu, never on arrival.
    expect(byId(folded!.action.target)).toMatchObject({ visible: false, role: 'button' });
  });

  it("leaves what a create rendered to the flows: no follow-up of the page's own commits it", () => {
    const afterNew = page.interactions.filter((interaction) =>
      interaction.setup.some((step) => byId(step.target)?.name === 'New note'),
    );
    expect(afterNew.map((interaction) => byId(interaction.action.target)?.name)).toEqual([]);
  });
});
