import { describe, expect, it } from 'vitest';
import type { UiEffect } from '../../../src/core/page-model.ts';
import { keepsWhatFlowShowed } from '../../../src/sources/web/explore-states.ts';
import type { StateView } from '../../../src/sources/web/state-observation.ts';

const appeared = (name: string): UiEffect => ({
  kind: 'appeared',
  target: { strategy: 'role', role: 'button', name, exact: true },
  text: undefined,
});
const reloaded = (effects: UiEffect[]): StateView => ({
  changes: [],
  signature: '',
  effects,
  collected: undefined,
  postingForms: new Set(),
});

describe('whether a reload keeps what the flow showed', () => {
  it('keeps it: a list kept in storage shows the added item again', () => {
    expect(keepsWhatFlowShowed([appeared('Remove test')], reloaded([appeared('Remove test')]))).toBe(true);
  });

  it('loses it: an editor a "New" button opened is gone, whatever else the reload shows', () => {
    const editor = [appeared('Confirm changes'), appeared('Discard changes')];
    expect(keepsWhatFlowShowed(editor, reloaded([appeared('Draft of New item')]))).toBe(false);
    expect(keepsWhatFlowShowed(editor, undefined)).toBe(false);
  });

  it('with nothing that appeared, judges by whether the reload shows anything', () => {
    const changed: UiEffect = {
      kind: 'text-changed',
      target: { strategy: 'testid', testId: 'total' },
      before: '0',
      after: '1',
    };
    expect(keepsWhatFlowShowed([changed], reloaded([changed]))).toBe(true);
    expect(keepsWhatFlowShowed([changed], reloaded([]))).toBe(false);
  });
});
