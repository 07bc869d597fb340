import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel, UiAction } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

// Notes kept in the page: "New note" opens an editor whose title box has no name (only a class
// its authors wrote, beside a nameless body box), "Save" adds the note to the list, and a search box filters the list.
const pages = {
  '/': html(
    'Notes',
    `<main><h1>Notes</h1>
     <input type="search" aria-label="Search notes" id="query">
     <ul id="notes"></ul>
     <button id="new-note">New note</button>
     <div id="editor"></div>
     <script>
       const notes = ['Groceries'];
       const list = document.getElementById('notes');
       const query = document.getElementById('query');
       const render = () => {
         list.replaceChildren(...notes.filter((note) => note.includes(query.value)).map((note) => {
           const item = document.createElement('li');
           item.textContent = note;
           return item;
         }));
       };
       render();
       query.addEventListener('input', render);
       document.getElementById('new-note').addEventListener('click', () => {
         const editor = document.getElementById('editor');
         editor.innerHTML = '<section aria-label="Edit note"><input class="note-title" value="Untitled">'
           + '<textarea class="note-body"></textarea>'
           + ' <button class="note-save">Save</button></section>';
         editor.querySelector('button').addEventListener('click', () => {
           notes.push(editor.querySelector('input').value);
           editor.replaceChildren();
           render();
         });
       });
     </script>
     </main>`,
  ),
};

describe('an item created in an editor a state opened', () => {
  let site: LocalSite;
  let page: PageModel;

  beforeAll(async () => {
    site = await startLocalSite(pages);
    const out = await mkdtemp(join(tmpdir(), 'testops-created-'));
    const model = await exploreSite({ url: site.url, allowPrivate: true, maxPages: 1, outDir: out });
    page = model.pages[0]!;
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  const inPlace = () => page.states?.find((state) => state.inPlace);
  const typed = (steps: UiAction[]) =>
    steps.find((step): step is Extract<UiAction, { kind: 'fill' }> => step.kind === 'fill' && !!step.mark);

  it('gets a title of its own, typed into the nameless title box', () => {
    const save = inPlace()?.interactions.find((interaction) => typed(interaction.setup));
    const fill = typed(save!.setup)!;
    expect(fill.value).toMatch(/^test-[a-z]{6}$/);
    expect(fill.value).toBe(`test-${fill.mark}`);
    const box = page.elements.find((element) => element.id === fill.target);
    expect(box?.locator).toEqual({ strategy: 'class', tag: 'input', className: 'note-title' });
    expect(save!.reproducible).toBe(true);
    // The list shows the new note (its text changed to hold it) and the editor is gone.
    expect(JSON.stringify(save!.effects)).toContain(fill.value);
  });

  it('is then searched for, and found', () => {
    const search = inPlace()?.interactions.find(
      (interaction) => interaction.action.kind === 'fill' && interaction.action.mark,
    );
    const action = search!.action as Extract<UiAction, { kind: 'fill' }>;
    expect(page.elements.find((element) => element.id === action.target)?.name).toBe('Search notes');
    expect(search!.setup.map((step) => step.kind)).toEqual(['fill', 'click']);
    expect(search!.reproducible).toBe(true);
    // The list now shows the new note only: "Groceries" went away.
    expect(JSON.stringify(search!.effects)).toContain(action.value);
    expect(JSON.stringify(search!.effects)).not.toContain('"after":"Groceries');
  });
});
