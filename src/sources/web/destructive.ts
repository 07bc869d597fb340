// What exploration must never trigger on its own: actions that delete data, spend money, end
// the session or place an order. Judged from what a user reads (name, text) and the link target.
// "Archive" takes an item out of use (a flag, a project) when a button does it, but names a page
// of past posts when a link does: it is destructive only on what is not a link.
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

const actionWords = ['archive'];

const wordsPattern = (words: string[]) =>
  new RegExp(
    `(^|[^\\p{L}])(${words.map((word) => word.replace(/ /g, '[\\s_-]*')).join('|')})($|[^\\p{L}])`,
    'iu',
  );
const pattern = wordsPattern([...destructiveWords, ...actionWords]);
const linkPattern = wordsPattern(destructiveWords);

/** True when a control's name or text (or its element id) reads like a destructive action. */
export function looksDestructive(...texts: (string | undefined)[]): boolean {
  return texts.some((text) => text !== undefined && pattern.test(readable(text)));
}

/** The same for a link, by its name, text and target: only what a link itself can do. */
export function linkLooksDestructive(...texts: (string | undefined)[]): boolean {
  return texts.some((text) => text !== undefined && linkPattern.test(readable(text)));
}

/** A link target as words (`/account/log-out` → ` account log-out`); other text unchanged. */
function readable(text: string): string {
  try {
    return /^https?:/i.test(text) ? decodeURIComponent(new URL(text).pathname).replace(/\//g, ' ') : text;
  } catch {
    return text;
  }
}
