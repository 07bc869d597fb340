import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteModel } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html } from './local-site.ts';

// A small app with what a real admin UI has: a header on every page (a theme switch), a list
// that shows loading placeholders named like its controls before its data arrives (a skeleton
// class; `data-loading="true"` stays on loaded controls), a mark the
// server keeps per user ("Add to favorites", set and unset by writes), and a card link whose
// name holds a relative time.
const header = `<header><button id="theme">Switch theme</button> <span id="theme-name">light</span>
  <nav><a href="/">Home</a> <a href="/other">Other</a></nav></header>
  <script>
    document.getElementById('theme').addEventListener('click', () => {
      const shown = document.getElementById('theme-name');
      shown.textContent = shown.textContent === 'light' ? 'dark' : 'light';
    });
  </script>`;

const home = html(
  'Home',
  `${header}<main><h1>Home</h1>
   <a href="/other">Report Updated 3 minutes ago</a>
   <button data-loading="true" id="import">Import</button>
   <div id="list" class="list-skeleton">
     <button data-loading="true">Add to favorites</button><button data-loading="true">Add to favorites</button>
   </div>
   <script>
     // The data arrives after a still pause: nothing moves while the placeholders show.
     setTimeout(async () => {
       const { favorite } = await (await fetch('/state')).json();
       const list = document.getElementById('list');
       list.className = 'list';
       list.innerHTML = '';
       const button = document.createElement('button');
       const label = (on) => (on ? 'Remove from favorites' : 'Add to favorites');
       button.textContent = label(favorite);
       button.addEventListener('click', async () => {
         const on = button.textContent === 'Add to favorites';
         await fetch('/favorite', { method: on ? 'POST' : 'DELETE' });
         button.textContent = label(on);
       });
       list.append(button);
     }, 1_200);
   </script></main>`,
);

const other = html(
  'Other',
  `${header}<main><h1>Other</h1><button id="new">New item</button><ul id="items"></ul>
   <script>
     document.getElementById('new').addEventListener('click', () => {
       const item = document.createElement('li');
       item.textContent = 'Item ' + (document.getElementById('items').children.length + 1);
       document.getElementById('items').append(item);
     });
   </script></main>`,
);

describe('exploring an app with a frame, placeholders and a saved mark', () => {
  let server: Server;
  let favorite = false;
  let writes = 0;
  let model: SiteModel;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path === '/state') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ favorite }));
        return;
      }
      if (path === '/favorite') {
        writes += 1;
        favorite = request.method === 'POST';
        response.writeHead(204);
        response.end();
        return;
      }
      const page = path === '/' ? home : path === '/other' ? other : undefined;
      response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    model = await exploreSite({
      url: `http://127.0.0.1:${port}/`,
      allowPrivate: true,
      maxPages: 2,
      settleTimeoutMs: 5_000,
      outDir: await mkdtemp(join(tmpdir(), 'testops-shared-state-')),
    });
  }, 150_000);

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  const page = (path: string) => model.pages.find((candidate) => candidate.path === path)!;

  it('records the control once its placeholders are gone, never a placeholder', () => {
    const marks = page('/').elements.filter((element) => /favorites/.test(element.name));
    expect(marks).toHaveLength(1);
    expect(marks[0]!.locator).toEqual({
      strategy: 'role',
      role: 'button',
      name: 'Add to favorites',
      exact: true,
    });
  });

  it('clicks a saved mark back, and does not offer it for replay', () => {
    const home = page('/');
    const mark = home.elements.find((element) => element.name === 'Add to favorites')!;
    const clicked = home.interactions.find((interaction) => interaction.action.target === mark.id);
    expect(writes).toBeGreaterThan(0);
    expect(favorite).toBe(false);
    expect(clicked?.reproducible).toBe(false);
    const replayed = (model.flows ?? []).flatMap((flow) => flow.actions.map((action) => action.target));
    expect(replayed).not.toContain(mark.id);
  });

  it('locates a link by the words before its relative time', () => {
    const card = page('/').elements.find((element) => element.name.startsWith('Report'))!;
    expect(card.locator).toEqual({ strategy: 'role', role: 'link', name: 'Report Updated' });
  });

  it('tries the header’s controls on one page only, and each page’s own controls', () => {
    const themeClicks = model.pages.flatMap((explored) =>
      explored.interactions.filter(
        (interaction) =>
          explored.elements.find((element) => element.id === interaction.action.target)?.name ===
          'Switch theme',
      ),
    );
    expect(themeClicks).toHaveLength(1);
    const second = model.pages.find((explored) => !explored.interactions.includes(themeClicks[0]!))!;
    expect(model.issues.map((issue) => issue.message)).toContain(
      "1 interactions with the site's frame skipped: another page tried them",
    );
    expect(second.interactions.length).toBeGreaterThan(0);
  });
});
