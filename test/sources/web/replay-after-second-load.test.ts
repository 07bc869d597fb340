import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageModel, StateFlow } from '../../../src/core/page-model.ts';
import { launchBrowser } from '../../../src/sources/web/launch-browser.ts';
import { closePageSession } from '../../../src/sources/web/page-session.ts';
import type { ExplorationEnv } from '../../../src/sources/web/page-session.ts';
import { openFlowSession } from '../../../src/sources/web/flow-session.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

// A list page that is quiet and empty at first (no request, no change, no placeholder: its
// first quiet moment), then renders its toolbar as a loading placeholder without pointer events
// for 3.5 s (longer than an action's 3 s), then the real "New item" button, which opens a dialog.
const page = html(
  'Items',
  `<style>.skeleton { pointer-events: none; opacity: .4 }</style>
   <main id="root"></main>
   <script>
     setTimeout(() => {
       document.getElementById('root').innerHTML =
         '<h1>Items</h1><div id="toolbar" class="skeleton"><button id="new">New item</button></div>';
       document.getElementById('new').addEventListener('click', () => {
         document.getElementById('root').insertAdjacentHTML('beforeend',
           '<div role="dialog" aria-label="New item"><label>Name <input name="name"></label></div>');
       });
       setTimeout(() => document.getElementById('toolbar').classList.remove('skeleton'), 3_500);
     }, 1_200);
   </script>`,
);

// A "New item" button whose dialog shows at once, empty, and gets its form 1.5 s later (loaded
// on demand): quiet in between, so a replay read right after the click saw an empty dialog.
const lazyDialog = html(
  'Items',
  `<main><h1>Items</h1><button id="new">New item</button></main>
   <script>
     document.getElementById('new').addEventListener('click', () => {
       document.body.insertAdjacentHTML('beforeend', '<div role="dialog" aria-label="New item" id="dialog" style="min-width: 20em; min-height: 8em; border: 1px solid"></div>');
       setTimeout(() => {
         document.getElementById('dialog').innerHTML =
           '<label>Name <input name="name"></label><button>Create item</button>';
       }, 1_500);
     });
   </script>`,
);

// A form whose submit stays disabled for 3.5 s after load (longer than an action's 3 s), as
// while an app checks a typed name with its server; quiet in between.
const checkedSubmit = html(
  'New item',
  `<main><h1>New item</h1><button id="create" disabled>Create item</button><p id="said"></p></main>
   <script>
     const create = document.getElementById('create');
     create.addEventListener('click', () => { document.getElementById('said').textContent = 'Created'; });
     setTimeout(() => { create.disabled = false; }, 3_500);
   </script>`,
);

describe('a flow replayed on a page that loads again after its first quiet moment', () => {
  let site: LocalSite;
  let browser: Browser;

  beforeAll(async () => {
    site = await startLocalSite({ '/': page, '/lazy': lazyDialog, '/checked': checkedSubmit });
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  // The flow "click <name>" on the page at `url`, replayed in a fresh context.
  const replayNewItem = (id: string, url: string, name = 'New item') => {
    const env: ExplorationEnv = {
      browser,
      origin: site.origin,
      storageState: undefined,
      check: undefined,
      settleTimeoutMs: 5_000,
      onRefused: () => undefined,
    };
    const flowPage = {
      id,
      url,
      elements: [{ id: 'new', locator: { strategy: 'role', role: 'button', name } }],
    } as unknown as PageModel;
    const flow = { id: `${id}-new`, page: id, actions: [{ kind: 'click', target: 'new' }] } as StateFlow;
    return openFlowSession(env, flowPage, flow);
  };

  it('waits for its target to stop being a placeholder and acts on it', async () => {
    const session = await replayNewItem('items', site.url);
    try {
      expect(await session.page.getByRole('dialog', { name: 'New item' }).count()).toBe(1);
    } finally {
      await closePageSession(session);
    }
  }, 60_000);

  it('leaves a dialog it opened only once the dialog shows a control', async () => {
    const session = await replayNewItem('lazy', `${site.origin}/lazy`);
    try {
      const dialog = session.page.getByRole('dialog', { name: 'New item' });
      expect(await dialog.getByRole('textbox').count()).toBe(1);
    } finally {
      await closePageSession(session);
    }
  }, 60_000);

  it('waits for a submit that is disabled a while to be enabled, and clicks it', async () => {
    const session = await replayNewItem('checked', `${site.origin}/checked`, 'Create item');
    try {
      expect(await session.page.locator('#said').textContent()).toBe('Created');
    } finally {
      await closePageSession(session);
    }
  }, 60_000);
});
