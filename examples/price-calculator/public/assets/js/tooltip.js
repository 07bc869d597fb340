// A help tooltip for a form label: an "About <label>" button that shows a role=tooltip bubble
// on hover, focus or click, and hides it again on Escape, blur or mouse leave (WCAG 1.4.13).
import { h, srOnly, uniqueId } from './dom.js';
import { hasFault } from './fault.js';

export function createTooltip(label, text, context) {
  const tooltipId = uniqueId('tooltip');
  const tooltip = h('span', { class: 'tooltip', role: 'tooltip', id: tooltipId, hidden: true }, text);
  // The name "About <label>" comes from hidden text rather than aria-label: getByLabel() also
  // matches aria-label, and "About RAM" would then collide with the RAM field's own label.
  const trigger = h(
    'button',
    { type: 'button', class: 'tooltip-trigger', 'aria-describedby': tooltipId },
    h('span', { 'aria-hidden': 'true' }, '?'),
    srOnly(`About ${label}`),
  );

  const show = () => {
    tooltip.hidden = false;
  };
  const hide = () => {
    // Fault: once shown, the tooltip ignores every way of dismissing it.
    if (hasFault('tooltip-never-closes')) return;
    tooltip.hidden = true;
  };

  trigger.addEventListener('mouseenter', show);
  trigger.addEventListener('focus', show);
  trigger.addEventListener('click', show);
  trigger.addEventListener('mouseleave', () => {
    if (document.activeElement !== trigger) hide();
  });
  trigger.addEventListener('blur', hide);
  const onKeydown = (event) => {
    if (event.key === 'Escape' && !tooltip.hidden) hide();
  };
  document.addEventListener('keydown', onKeydown);
  context.onDispose(() => document.removeEventListener('keydown', onKeydown));

  return { trigger, tooltip };
}
