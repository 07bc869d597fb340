import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteModel } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

// A heavy first view: the page keeps rendering for 1.4 s after it loads (as a large app does on
// a busy machine), then stays still. Its settle window (1.2 s) ends before that.
const slow = html(
  'Slow',
  `<main><h1>Slow</h1><p id="progress">0</p>
   <button id="more" aria-expanded="false" aria-controls="more-text">More</button>
   <p id="more-text" hidden>More text</p>
   <script>
     const started = Date.now();
     const tick = setInterval(() => {
       document.getElementById('progress').textContent = String(Date.now() - started);
       if (Date.now() - started > 1_400) clearInterval(tick);
     }, 50);
     const more = document.getElementById('more');
     more.addEventListener('click', () => {
       more.setAttribute('aria-expanded', 'true');
       document.getElementById('more-text').hidden = false;
     });
   </script></main>`,
);

describe('a first load slower than the settle window', () => {
  let site: LocalSite;
  let model: SiteModel;

  beforeAll(async () => {
    site = await startLocalSite({ '/': slow });
    const out = await mkdtemp(join(tmpdir(), 'testops-slow-load-'));
    model = await exploreSite({
      url: site.url,
      allowPrivate: true,
      settleTimeoutMs: 1_200,
      maxPages: 1,
      outDir: out,
    });
  });

  afterAll(async () => {
    await site?.close();
  });

  it('gets a second window, settles, and has its interactions explored', () => {
    const [page] = model.pages;
    expect(page!.settleMs).toBeLessThan(2_400);
    expect(page!.settled).toBe(true);
    expect(page!.settleMs).toBeGreaterThan(1_200);
    expect(page!.interactions.map((interaction) => interaction.action)).toContainEqual({
      kind: 'click',
      target: page!.elements.find((element) => element.name === 'More')!.id,
    });
  });
});
