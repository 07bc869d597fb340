import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteModel } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

// A list page whose toolbar is a loading placeholder (a `skeleton` class around its "New item"
// button) for 1.6 s after load, longer than both settle windows (0.3 s each): the page is quiet
// at the windows' end with the placeholder still showing, and read then.
const page = html(
  'Items',
  `<main><h1>Items</h1>
   <div id="toolbar" class="skeleton"><button id="new">New item</button></div>
   <ul><li>alpha</li></ul>
   <script>
     setTimeout(() => document.getElementById('toolbar').classList.remove('skeleton'), 1_600);
   </script></main>`,
);

describe('a page read while its loading placeholders still show', () => {
  let site: LocalSite;
  let model: SiteModel;

  beforeAll(async () => {
    site = await startLocalSite({ '/': page });
    const out = await mkdtemp(join(tmpdir(), 'testops-placeholders-at-read-'));
    model = await exploreSite({
      url: site.url,
      allowPrivate: true,
      settleTimeoutMs: 300,
      maxPages: 1,
      outDir: out,
    });
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  it('waits for them to go and records the control they held', () => {
    const [only] = model.pages;
    expect(only!.elements.map((element) => element.name)).toContain('New item');
  });
});
