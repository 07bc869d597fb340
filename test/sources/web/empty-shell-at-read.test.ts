import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteModel } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

// An app's shell that is quiet and empty for 1.2 s after load (no request, no change, no
// placeholder: longer than both settle windows of 0.3 s), then renders its page: a heading, a
// "New item" button and a list. Read at the first quiet moment, it had nothing to record.
const page = html(
  'Items',
  `<main id="root"></main>
   <script>
     setTimeout(() => {
       document.getElementById('root').innerHTML =
         '<h1>Items</h1><button id="new">New item</button><ul><li>alpha</li></ul>';
     }, 1_200);
   </script>`,
);

describe('a page read while the app is still starting', () => {
  let site: LocalSite;
  let model: SiteModel;

  beforeAll(async () => {
    site = await startLocalSite({ '/': page });
    const out = await mkdtemp(join(tmpdir(), 'testops-empty-shell-'));
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

  it('waits for a control to show and records what the app rendered', () => {
    const [only] = model.pages;
    expect(only!.elements.map((element) => element.name)).toContain('New item');
  });
});
