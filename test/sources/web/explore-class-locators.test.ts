import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

// An editor whose title box has no label, placeholder, test id or id: styled as a heading and
// known only by the class its authors gave it, which a heading shares. Beside it, boxes whose
// only classes are hashed or say a passing state.
const pages = {
  '/': html(
    'Notes',
    `<main><h1>Notes</h1>
     <h2 class="note-title">Old note</h2>
     <input class="note-title note-editor" value="New note">
     <input class="css-1x2y3z">
     <input class="is-active">
     <button class="note-action">Close</button> <button class="note-action-twin">Close</button>
     <p id="echo"></p>
     <script>
       for (const box of document.querySelectorAll('input'))
         box.addEventListener('input', () => { document.getElementById('echo').textContent = box.value; });
     </script>
     </main>`,
  ),
};

describe('a nameless text box known by a written class', () => {
  let site: LocalSite;
  let page: PageModel;

  beforeAll(async () => {
    site = await startLocalSite(pages);
    const out = await mkdtemp(join(tmpdir(), 'testops-classes-'));
    const model = await exploreSite({ url: site.url, allowPrivate: true, maxPages: 1, outDir: out });
    page = model.pages[0]!;
  });

  afterAll(async () => {
    await site?.close();
  });

  it('is located by its tag and class, and typed into', () => {
    const title = page.elements.find((element) => element.locator.strategy === 'class');
    expect(title?.locator).toEqual({ strategy: 'class', tag: 'input', className: 'note-title' });
    const typed = page.interactions.find(
      (interaction) => interaction.action.kind === 'fill' && interaction.action.target === title!.id,
    );
    expect(typed?.effects.length).toBeGreaterThan(0);
  });

  it('never takes a hashed class or one that says a passing state', () => {
    const classes = page.elements.flatMap((element) =>
      element.locator.strategy === 'class' ? [element.locator.className] : [],
    );
    expect(classes).toEqual(['note-title']);
    // A named control is never told apart by its styling, even when its name is not unique.
    expect(page.elements.filter((element) => element.name === 'Close')).toEqual([]);
    expect(page.elements.filter((element) => element.role === 'textbox')).toHaveLength(1);
  });
});
