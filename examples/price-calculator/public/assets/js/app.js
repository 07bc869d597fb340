// Entry point: load the catalogue and prices, wire the shell, start routing. The body stays
// invisible until the first route has rendered, so nothing visibly shifts while data loads.
import { loadCalculatorData } from './api.js';
import { h } from './dom.js';
import { hasFault } from './fault.js';
import { renderCatalogPage } from './pages/catalog-page.js';
import { renderConfigurePage } from './pages/configure-page.js';
import { renderEstimatePage } from './pages/estimate-page.js';
import { renderNotFoundPage } from './pages/not-found-page.js';
import { renderStartPage } from './pages/start-page.js';
import { defineRoutes, startRouter } from './router.js';
import { initSiteShell } from './site-shell.js';

async function reportPromotions() {
  // Fault: requests an endpoint that does not exist and logs the failure on every load.
  const response = await fetch('/api/promotions');
  if (!response.ok) console.error(`Failed to load promotions: HTTP ${response.status}`);
}

async function boot() {
  try {
    const data = await loadCalculatorData();
    initSiteShell();
    defineRoutes([
      { name: 'start', pattern: /^\/$/, render: (context) => renderStartPage(context, data) },
      { name: 'catalog', pattern: /^\/catalog$/, render: (context) => renderCatalogPage(context, data) },
      {
        name: 'configure',
        pattern: /^\/configure\/([a-z0-9-]+)$/,
        render: (context) => renderConfigurePage(context, data),
      },
      { name: 'estimate', pattern: /^\/estimate$/, render: (context) => renderEstimatePage(context, data) },
      { name: 'not-found', pattern: /^/, render: (context) => renderNotFoundPage(context) },
    ]);
    startRouter();
  } catch (error) {
    document.title = 'Error — Cloud price calculator';
    document
      .getElementById('main')
      .replaceChildren(
        h('h1', {}, 'The calculator could not start'),
        h('p', { role: 'alert' }, `Reload the page to try again (${error.message}).`),
      );
  }
  document.documentElement.classList.add('is-ready');
  if (hasFault('console-error-on-load')) await reportPromotions();
}

boot();
