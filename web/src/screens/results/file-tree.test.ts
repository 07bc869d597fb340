import { describe, expect, it } from 'vitest';
import { buildTree } from './file-tree.ts';

describe('buildTree', () => {
  it('nests paths into folders, folders before files', () => {
    const tree = buildTree(['package.json', 'tests/vms.spec.ts', 'tests/support/client.ts', 'README.md']);
    expect(tree.map((node) => node.name)).toEqual(['tests', 'package.json', 'README.md']);
    expect(tree[0]!.children.map((node) => [node.name, node.path])).toEqual([
      ['support', undefined],
      ['vms.spec.ts', 'tests/vms.spec.ts'],
    ]);
  });
});
