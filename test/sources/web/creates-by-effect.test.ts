import { describe, expect, it } from 'vitest';
import type { UiAction, UiEffect } from '../../../src/core/page-model.ts';
import { createsByEnter } from '../../../src/sources/web/creates-by-effect.ts';

const typed: UiAction = { kind: 'fill', target: 'textbox-new', value: 'milk' };
const enter: UiAction = { kind: 'press', target: 'textbox-new', key: 'Enter' };
const box = { strategy: 'role', role: 'textbox', name: 'New' } as const;
const emptied: UiEffect = { kind: 'value-changed', target: box, before: 'milk', after: '' };
const item: UiEffect = { kind: 'appeared', target: { strategy: 'text', text: 'milk' }, text: 'milk' };

const interaction = (effects: UiEffect[], setup: UiAction[] = [typed]) => ({
  setup,
  action: enter,
  effects,
  reproducible: true,
});

describe('telling a create from a search by what Enter did', () => {
  it('a create takes the typed text in and adds something', () => {
    expect(createsByEnter(interaction([emptied, item]))).toBe(true);
  });

  it('a search keeps its text, even when a "no match" notice appears', () => {
    const notice: UiEffect = {
      kind: 'appeared',
      target: { strategy: 'role', role: 'status' },
      text: 'No match',
    };
    expect(createsByEnter(interaction([notice]))).toBe(false);
  });

  it('a filter that hides items is no create, even if it empties the box', () => {
    const gone: UiEffect = { kind: 'disappeared', target: { strategy: 'text', text: 'bread' } };
    expect(createsByEnter(interaction([emptied, item, gone]))).toBe(false);
  });

  it('only Enter right after typing into the same box counts', () => {
    const elsewhere: UiAction = { ...typed, target: 'textbox-other' };
    expect(createsByEnter(interaction([emptied, item], [elsewhere]))).toBe(false);
    expect(createsByEnter({ ...interaction([emptied, item]), reproducible: false })).toBe(false);
  });
});
