import { describe, expect, it } from 'vitest';
import { COUNTER_ID } from '../../src/core/page-model.ts';

describe('ids a framework counter made', () => {
  it.each([
    ':r3:',
    ':R1a:-label',
    '«r1»',
    'useId-12',
    'mui-4',
    'radix-:r1:',
    'headlessui-menu-button-3',
    'ember412',
    'mat-input-0',
  ])('tells %s apart as counted', (id) => expect(COUNTER_ID.test(id)).toBe(true));

  it.each(['item-42', 'todo-3', 'material-1', 'matrix2', 'new-todo', 'tab-87a79fd7b10f99a7'])(
    'leaves %s to its author: the same element on every load',
    (id) => expect(COUNTER_ID.test(id)).toBe(false),
  );
});
