/**
 * Icon fonts (Font Awesome and the like) draw their icons from Unicode's private-use areas, so an
 * icon-only control's accessible name can be a glyph no reader can read (`\uf0c9` for ☰). Such
 * characters are dropped where names become words: titles, step names, the choice of a locator.
 */
const PRIVATE_USE = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/gu;

/** The text without private-use glyphs, spaces collapsed: '' for a name made of icons only. */
export function withoutIconGlyphs(text: string): string {
  return text.replace(PRIVATE_USE, ' ').replace(/\s+/g, ' ').trim();
}
