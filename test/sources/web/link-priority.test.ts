import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteModel } from '../../../src/core/page-model.ts';
import { exploreSite } from '../../../src/sources/web/explore-site.ts';
import { itemsFirst } from '../../../src/sources/web/link-priority.ts';
import { html, startLocalSite } from './local-site.ts';
import type { LocalSite } from './local-site.ts';

const at = (path: string) => ({ url: `http://app.test${path}`, via: path });

describe('which discovered pages come first', () => {
  it('puts the first item of the page’s own collection first and the page with another query last', () => {
    const found = [
      at('/projects?query=test'),
      at('/search'),
      at('/settings'),
      at('/projects/alpha'),
      at('/projects/beta'),
      at('/projects/'),
    ];
    expect(itemsFirst('http://app.test/projects', found).map((entry) => entry.via)).toEqual([
      '/projects/alpha',
      '/search',
      '/settings',
      '/projects/beta',
      '/projects?query=test',
      '/projects/',
    ]);
  });

  it('sees no items under the root, nor on another origin', () => {
    const found = [at('/a'), { url: 'http://other.test/b/c', via: 'other' }, at('/b')];
    expect(itemsFirst('http://app.test/', found)).toEqual(found);
    expect(itemsFirst('http://app.test/b', found).map((entry) => entry.via)).toEqual(['/a', 'other', '/b']);
  });
});

// A list page whose item is linked last, after the site's many sections: with room for two
// pages the crawl must still reach the item.
const sections = ['reports', 'settings', 'users', 'audit', 'help']
  .map((name) => `<a href="/${name}">${name}</a>`)
  .join(' ');
const routes = {
  '/': { redirect: '/things' },
  '/things': html(
    'Things',
    `<nav aria-label="Main">${sections}</nav><main><h1>Things</h1>
     <ul><li><a href="/things/alpha">Alpha</a></li><li><a href="/things/beta">Beta</a></li></ul></main>`,
  ),
  '/things/alpha': html('Alpha', '<main><h1>Alpha</h1></main>'),
  '/things/beta': html('Beta', '<main><h1>Beta</h1></main>'),
  ...Object.fromEntries(
    ['reports', 'settings', 'users', 'audit', 'help'].map((name) => [
      `/${name}`,
      html(name, `<main><h1>${name}</h1></main>`),
    ]),
  ),
};

describe('crawling a list page with a page limit', () => {
  let site: LocalSite;
  let model: SiteModel;

  beforeAll(async () => {
    site = await startLocalSite(routes);
    const out = await mkdtemp(join(tmpdir(), 'testops-link-priority-'));
    model = await exploreSite({
      url: site.url,
      allowPrivate: true,
      maxPages: 2,
      concurrency: 1,
      outDir: out,
    });
  });

  afterAll(async () => {
    await site?.close();
  });

  it('explores an item of the collection before the other sections', () => {
    expect(model.pages.map((page) => page.path)).toEqual(['/things', '/things/alpha']);
  });
});
