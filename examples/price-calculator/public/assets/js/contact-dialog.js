// The modal "Contact sales" dialog opened by the estimate's Connect button. The native <dialog>
// gives focus trapping, Escape to close and focus return for free.
import { h } from './dom.js';

export function createContactDialog() {
  const dialog = h(
    'dialog',
    { class: 'dialog', 'aria-labelledby': 'contact-title', 'data-testid': 'contact-dialog' },
    h('h2', { id: 'contact-title' }, 'Contact sales'),
    h(
      'p',
      {},
      'Our sales team will review your estimate, suggest discounts for long-term reservations and help with migration.',
    ),
    h(
      'dl',
      { class: 'contact-list' },
      h('div', {}, h('dt', {}, 'Phone'), h('dd', {}, '8 800 000-00-00')),
      h('div', {}, h('dt', {}, 'Email'), h('dd', {}, 'sales@example.com')),
      h('div', {}, h('dt', {}, 'Hours'), h('dd', {}, 'Mon–Fri, 9:00–18:00 (Moscow time)')),
    ),
    h(
      'div',
      { class: 'dialog-actions' },
      h('button', { type: 'button', class: 'button', onClick: () => dialog.close() }, 'Close'),
    ),
  );
  return dialog;
}
