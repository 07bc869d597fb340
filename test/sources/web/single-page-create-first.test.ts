import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteModel } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

// A single-page app: no link to another document, notes created in an editor a "New note" button
// opens, and thirty tips, each fetched from a slow back end when its button is clicked. Such a
// start page may use the crawl's whole share; without a limit once the create is found, the tips
// take it (about a second each, twice over) and the flows after the crawl get what is left.
// Each tip's first word differs: repeated controls with one verb are sampled as a family.
const TIPS = [
  ...['Shipping', 'Returns', 'Payments', 'Privacy', 'Shortcuts', 'Themes', 'Backups', 'Exports'],
  ...['Imports', 'Tags', 'Sharing', 'Printing', 'Language', 'Sounds', 'Colours', 'Fonts'],
  ...['Markdown', 'Tables', 'Images', 'Links', 'History', 'Widgets', 'Sync', 'Accounts'],
  ...['Security', 'Reminders', 'Calendar', 'Search', 'Glossary', 'Help'],
];
const pages = {
  '/': html(
    'Notes',
    `<main><h1>Notes</h1>
     <button id="new">New note</button>
     <div id="editor"></div>
     <ul id="notes"></ul>
     <section aria-label="Tips">${TIPS.map(
       (word, index) => `<button data-tip="${index}">${word} tip</button><p id="tip-${index}"></p>`,
     ).join('')}</section>
     </main>
     <script>
       const load = () => JSON.parse(localStorage.getItem('notes') || '[]');
       const list = document.getElementById('notes');
       const render = () => list.replaceChildren(...load().map((name) => {
         const item = document.createElement('li');
         item.textContent = name;
         return item;
       }));
       render();
       document.getElementById('new').addEventListener('click', () => {
         const editor = document.getElementById('editor');
         editor.innerHTML = '<label for="title">Title</label><input id="title"> <button id="save">Save note</button>';
         editor.querySelector('#save').addEventListener('click', () => {
           localStorage.setItem('notes', JSON.stringify([...load(), editor.querySelector('#title').value]));
           editor.replaceChildren();
           render();
         });
       });
       for (const button of document.querySelectorAll('[data-tip]'))
         button.addEventListener('click', async () => {
           const answer = await fetch('/tip');
           document.getElementById('tip-' + button.dataset.tip).textContent = await answer.text();
         });
     </script>`,
  ),
  '/tip': { status: 200, body: 'Press Save to keep a note.', delayMs: 1_000 },
};

describe("a single-page app's start page once it has found a create", () => {
  let site: LocalSite;
  let model: SiteModel;

  beforeAll(async () => {
    site = await startLocalSite(pages);
    const out = await mkdtemp(join(tmpdir(), 'testops-create-first-'));
    model = await exploreSite({ url: site.url, allowPrivate: true, maxPages: 8, outDir: out });
  }, 300_000);

  afterAll(async () => {
    await site?.close();
  });

  it("stops trying the page's other controls at its own share, and says so", () => {
    const [page] = model.pages;
    const tipsTried = page!.interactions.filter((interaction) => /^click-.*tip/.test(interaction.id)).length;
    expect(tipsTried).toBeLessThan(TIPS.length);
    expect(model.issues.map((issue) => issue.message).join('\n')).toMatch(
      /planned interactions not tried: the page's share of the time budget went to the create it found/,
    );
  });

  it('replays the create after the crawl and finds what it made', () => {
    const [page] = model.pages;
    const create = page!.states
      ?.filter((state) => state.inPlace)
      .flatMap((state) => state.interactions)
      .find((interaction) => interaction.setup.some((step) => step.kind === 'fill' && step.mark));
    expect(create?.reproducible).toBe(true);
  });
});
