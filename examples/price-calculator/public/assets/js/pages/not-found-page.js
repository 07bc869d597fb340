// Rendered for unknown paths and unknown product ids.
import { h } from '../dom.js';

export function renderNotFoundPage(_context, heading = 'Page not found') {
  return {
    title: `${heading} — Cloud price calculator`,
    element: h(
      'div',
      { class: 'page page-not-found', 'data-testid': 'not-found-page' },
      h('h1', {}, heading),
      h('p', {}, 'The address may be mistyped, or the page has moved.'),
      h(
        'p',
        {},
        h('a', { href: '/catalog' }, 'Browse the catalogue'),
        ' or ',
        h('a', { href: '/' }, 'go to the start page'),
        '.',
      ),
    ),
  };
}
