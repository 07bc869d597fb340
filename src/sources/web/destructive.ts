// What exploration must never trigger on its own: actions that delete data, spend money, end
// the session or place an order. Judged from what a user reads (name, text) and the link target.
const destructiveWords = [
  'delete',
  'remove',
  'destroy',
  'erase',
  'discard',
  'clear all',
  'empty cart',
  'pay',
  'payment',
  'purchase',
  'buy',
  'checkout',
  'check out',
  'order',
  'place order',
  'submit order',
  'log out',
  'logout',
  'log off',
  'sign out',
  'signout',
  'unsubscribe',
  'deactivate',
  'terminate',
  'revoke',
  'cancel subscription',
  'close account',
  'reset',
];

const pattern = new RegExp(
  `(^|[^\\p{L}])(${destructiveWords.map((word) => word.replace(/ /g, '[\\s_-]*')).join('|')})($|[^\\p{L}])`,
  'iu',
);

/** True when an element's name, text or link target reads like a destructive action. */
export function looksDestructive(...texts: (string | undefined)[]): boolean {
  return texts.some((text) => text !== undefined && pattern.test(readable(text)));
}

/** A link target as words (`/account/log-out` → ` account log-out`); other text unchanged. */
function readable(text: string): string {
  try {
    return /^https?:/i.test(text) ? decodeURIComponent(new URL(text).pathname).replace(/\//g, ' ') : text;
  } catch {
    return text;
  }
}
