// Colour codes in runner messages; built from a string so the regex holds no control character.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** `text` matched literally inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Runner output without terminal colour codes. */
export function withoutAnsi(text: string): string {
  return text.replace(ANSI, '');
}
