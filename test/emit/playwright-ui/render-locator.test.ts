import { describe, expect, it } from 'vitest';
import { withoutIconGlyphs } from '../../../src/core/icon-glyphs.ts';
import { stableClass, stableId, type UiLocator } from '../../../src/core/page-model.ts';
import { describeLocator } from '../../../src/generation/ui/describe.ts';
import { renderLocator } from '../../../src/emit/playwright-ui/render-locator.ts';
import { sameLocator } from '../../../src/optimisation/locator-matching.ts';
import { locatorSignature } from '../../../src/optimisation/test-signature.ts';

describe('element-id locators', () => {
  const menu: UiLocator = { strategy: 'id', id: 'header-button-sidemenu' };

  it('render as a CSS id selector, never scoped further', () => {
    expect(renderLocator(menu, 'page')).toBe("page.locator('#header-button-sidemenu')");
  });

  it('are the same locator as a hand-written page.locator("#id") in existing tests', () => {
    const written = { strategy: 'css', selector: '#header-button-sidemenu' } as const;
    expect(locatorSignature(menu)).toBe(locatorSignature(written));
    expect(sameLocator(menu, written)).toBe(true);
    expect(sameLocator(menu, { strategy: 'css', selector: '.header-button-sidemenu' })).toBe(false);
  });

  it('are only taken for ids a person wrote', () => {
    for (const id of ['header-button-deploy', 'menu_item_import', 'go']) expect(stableId(id), id).toBe(true);
    for (const id of ['tab-87a79fd7b10f99a7', ':r3:', 'ember412', 'h1', 'x', 'a b', 'a.b', ''])
      expect(stableId(id), id).toBe(false);
  });
});

describe('class locators', () => {
  const title: UiLocator = { strategy: 'class', tag: 'input', className: 'tc-titlebar' };

  it('render as a tag with a class, and read as words', () => {
    expect(renderLocator(title, 'page')).toBe("page.locator('input.tc-titlebar')");
    expect(describeLocator(title)).toBe('the tc titlebar input');
  });

  it('are the same locator as a hand-written page.locator("input.class") in existing tests', () => {
    const written = { strategy: 'css', selector: 'input.tc-titlebar' } as const;
    expect(locatorSignature(title)).toBe(locatorSignature(written));
    expect(sameLocator(title, written)).toBe(true);
    expect(sameLocator(title, { strategy: 'css', selector: '.tc-titlebar' })).toBe(false);
  });

  it('are only taken for classes a person wrote that name no passing state', () => {
    for (const name of ['tc-titlebar', 'edit_title', 'MuiInput-input'])
      expect(stableClass(name), name).toBe(true);
    for (const name of ['css-1x2y3z', 'jsx-2761', 'is-active', 'selected', 'tab-open', 'has-focus', 'x', ''])
      expect(stableClass(name), name).toBe(false);
  });
});

describe('names drawn with an icon font', () => {
  it('are dropped where names become words', () => {
    expect(withoutIconGlyphs('\uf0c9')).toBe('');
    expect(withoutIconGlyphs('\uf0d7 Deploy  now')).toBe('Deploy now');
    expect(describeLocator({ strategy: 'role', role: 'link', name: '\uf0c9', exact: true })).toBe('the link');
    expect(describeLocator({ strategy: 'role', role: 'link', name: 'Deploy\uf0d7', exact: true })).toBe(
      'Deploy link',
    );
  });
});

describe('item locators', () => {
  const item: UiLocator = { strategy: 'item', selector: 'article', text: 'test qzkwxj' };
  const remove: UiLocator = { strategy: 'role', role: 'button', name: 'delete', exact: true, within: item };

  it("scope a control to the one block holding the item's text", () => {
    expect(renderLocator(remove, 'page')).toBe(
      "page.locator('article').filter({ hasText: 'test qzkwxj' }).getByRole('button', { name: 'delete', exact: true })",
    );
    expect(describeLocator(remove)).toBe('delete button in the item "test qzkwxj"');
  });

  it('are told apart by their text: the same control of another item is another locator', () => {
    const other: UiLocator = { ...remove, within: { ...item, text: 'GettingStarted' } };
    expect(locatorSignature(remove)).not.toBe(locatorSignature(other));
    expect(sameLocator(item, { ...item })).toBe(true);
    expect(sameLocator(item, { ...item, text: 'GettingStarted' })).toBe(false);
  });
});
