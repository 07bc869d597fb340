// The persistent header and footer: the estimate counter, the current-page marker and the
// mobile "Menu" disclosure that collapses the navigation on narrow screens.
import { hasFault } from './fault.js';
import { getItems, subscribe } from './estimate-store.js';
import { onRouteChange } from './router.js';

function setMenuOpen(button, nav, open) {
  button.setAttribute('aria-expanded', String(open));
  // Fault: the button state flips but the navigation panel is never shown.
  if (!hasFault('mobile-menu-stays-closed')) nav.classList.toggle('is-open', open);
}

function updateCount() {
  const count = document.querySelector('[data-testid="estimate-count"]');
  if (count) count.textContent = `(${getItems().length})`;
}

export function initSiteShell() {
  const button = document.querySelector('.menu-button');
  const nav = document.getElementById('site-nav');
  button.addEventListener('click', () => {
    setMenuOpen(button, nav, button.getAttribute('aria-expanded') !== 'true');
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') {
      setMenuOpen(button, nav, false);
      button.focus();
    }
  });
  onRouteChange((routeName) => {
    setMenuOpen(button, nav, false);
    for (const link of nav.querySelectorAll('a[data-route]')) {
      if (link.dataset.route === routeName) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
  });
  // Fault: a stylesheet rule hides the footer disclaimer below the mobile breakpoint.
  if (hasFault('disclaimer-missing-on-mobile')) document.documentElement.classList.add('compact-footer');
  updateCount();
  subscribe(updateCount);
}
