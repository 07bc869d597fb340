import { themes, type PrismTheme } from 'prism-react-renderer';

/**
 * The light code theme: Prism's GitHub theme with colours that keep 4.5:1 on its background,
 * also on a marked line (its teal properties and light strings fall short under axe).
 */
export const lightCodeTheme: PrismTheme = {
  plain: { color: '#1f2328', backgroundColor: '#f6f8fa' },
  styles: [
    { types: ['comment', 'prolog', 'doctype', 'cdata'], style: { color: '#57606a', fontStyle: 'italic' } },
    { types: ['keyword', 'builtin', 'tag', 'selector', 'important', 'atrule'], style: { color: '#6639ba' } },
    { types: ['string', 'char', 'attr-value', 'regex', 'url', 'inserted'], style: { color: '#0a3069' } },
    { types: ['number', 'boolean', 'constant', 'symbol'], style: { color: '#0550ae' } },
    { types: ['function', 'class-name', 'maybe-class-name'], style: { color: '#5a32a3' } },
    { types: ['property', 'attr-name', 'variable', 'parameter', 'deleted'], style: { color: '#953800' } },
    { types: ['punctuation', 'operator'], style: { color: '#1f2328' } },
  ],
};

export const darkCodeTheme: PrismTheme = themes.vsDark;
