import { describe, expect, it } from 'vitest';
import type { UiElement } from '../../../src/core/page-model.ts';
import { createsSomething } from '../../../src/sources/web/creating-controls.ts';
import { SiteFrame, frameKey } from '../../../src/sources/web/site-frame.ts';

const element = (id: string, role: string, name: string, region?: string): UiElement => ({
  id,
  role,
  name,
  tag: role === 'textbox' ? 'input' : 'button',
  locator: { strategy: 'role', role, name, exact: true },
  visible: true,
  enabled: true,
  region,
  inputType: undefined,
  value: undefined,
  constraints: undefined,
  destructive: false,
});

describe('the site frame', () => {
  const onFirst = new Map([
    ['theme', element('theme', 'button', 'Switch theme', 'banner')],
    ['search', element('search', 'textbox', 'Search', 'banner')],
    ['new', element('new', 'button', 'New item', 'main')],
  ]);
  // The same controls under other ids on another page.
  const onSecond = new Map([
    ['button-theme', element('button-theme', 'button', 'Switch theme', 'banner')],
    ['textbox-search', element('textbox-search', 'textbox', 'Search', 'banner')],
    ['button-new', element('button-new', 'button', 'New item', 'main')],
  ]);
  const click = (target: string) => ({ setup: [], action: { kind: 'click' as const, target }, restore: [] });

  it('names an interaction by the controls it touches, not by the page’s ids', () => {
    expect(frameKey(click('theme'), onFirst)).toBe(frameKey(click('button-theme'), onSecond));
    const typed = {
      setup: [{ kind: 'click' as const, target: 'theme' }],
      action: { kind: 'fill' as const, target: 'search', value: 'test' },
      restore: [],
    };
    const typedThere = {
      setup: [{ kind: 'click' as const, target: 'button-theme' }],
      action: { kind: 'fill' as const, target: 'textbox-search', value: 'test' },
      restore: [],
    };
    expect(frameKey(typed, onFirst)).toBe(frameKey(typedThere, onSecond));
    expect(frameKey(typed, onFirst)).not.toBe(frameKey(click('theme'), onFirst));
  });

  it('never counts a page’s main content as frame', () => {
    expect(frameKey(click('new'), onFirst)).toBeUndefined();
    expect(frameKey(click('unknown'), onFirst)).toBeUndefined();
  });

  it('lets the first page to try an interaction have it, and no other page', () => {
    const frame = new SiteFrame();
    expect(frame.claim('k', 'home')).toBe(true);
    expect(frame.claim('k', 'home')).toBe(true);
    expect(frame.claim('k', 'other')).toBe(false);
    expect(frame.claim('j', 'other')).toBe(true);
  });
});

describe('creating controls', () => {
  it('are not marks a user sets on what exists', () => {
    expect(createsSomething(element('a', 'button', 'Add to favorites'), false)).toBe(false);
    expect(createsSomething(element('a', 'button', 'Add to watchlist'), false)).toBe(false);
    expect(createsSomething(element('a', 'button', 'Add to cart'), false)).toBe(true);
    expect(createsSomething(element('a', 'button', 'New feature flag'), false)).toBe(true);
  });
});
