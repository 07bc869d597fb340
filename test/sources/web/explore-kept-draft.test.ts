import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel, UiAction } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

// A wiki-like single page: "New note" keeps a draft at once (listed as "Draft of 'New note'",
// kept in storage, so a reload lists it again) and opens an editor in the page, which a reload
// does not bring back. The create is only finished in that editor: its title, then "Save note".
const pages = {
  '/': html(
    'Notes',
    `<main><h1>Notes</h1>
     <button id="new">New note</button>
     <div id="editor"></div>
     <h2>Notes</h2><ul id="notes"></ul>
     <h2>Drafts</h2><ul id="drafts"></ul>
     </main>
     <script>
       const load = (key) => JSON.parse(localStorage.getItem(key) || '[]');
       const keep = (key, values) => localStorage.setItem(key, JSON.stringify(values));
       const links = (id, names) => document.getElementById(id).replaceChildren(...names.map((name) => {
         const item = document.createElement('li');
         const link = document.createElement('a');
         link.href = '#' + encodeURIComponent(name);
         link.textContent = name;
         item.append(link);
         return item;
       }));
       const render = () => { links('notes', load('notes')); links('drafts', load('drafts')); };
       render();
       document.getElementById('new').addEventListener('click', () => {
         const draft = "Draft of 'New note'";
         if (!load('drafts').includes(draft)) keep('drafts', [...load('drafts'), draft]);
         const editor = document.getElementById('editor');
         editor.innerHTML = '<label for="title">Title</label><input id="title" value="New note"> <button id="save">Save note</button>';
         editor.querySelector('#save').addEventListener('click', () => {
           keep('notes', [...load('notes'), editor.querySelector('#title').value]);
           keep('drafts', load('drafts').filter((name) => name !== draft));
           editor.replaceChildren();
           render();
         });
         render();
       });
     </script>`,
  ),
};

describe('a create whose draft a reload shows again, but not its editor', () => {
  let site: LocalSite;
  let page: PageModel;

  beforeAll(async () => {
    site = await startLocalSite(pages);
    const out = await mkdtemp(join(tmpdir(), 'testops-kept-draft-'));
    const model = await exploreSite({ url: site.url, allowPrivate: true, maxPages: 1, outDir: out });
    page = model.pages[0]!;
  }, 300_000);

  afterAll(async () => {
    await site?.close();
  });

  it('explores the editor as "New note" left it and finishes the create there', () => {
    const typed = (steps: UiAction[]) =>
      steps.find((step): step is Extract<UiAction, { kind: 'fill' }> => step.kind === 'fill' && !!step.mark);
    const create = page.states
      ?.filter((state) => state.inPlace)
      .flatMap((state) => state.interactions)
      .find((interaction) => typed(interaction.setup));
    expect(create?.reproducible).toBe(true);
    const byId = (id: string) => page.elements.find((element) => element.id === id);
    expect(byId(create!.action.target)?.name).toBe('Save note');
    expect(JSON.stringify(create!.effects)).toContain(typed(create!.setup)!.value);
  });
});
