export interface TreeNode {
  name: string;
  /** The file's path; undefined for folders. */
  path: string | undefined;
  children: TreeNode[];
}

/** Folders first, then files, each sorted by name: the emitted project as a tree. */
export function buildTree(paths: readonly string[]): TreeNode[] {
  const root: TreeNode = { name: '', path: undefined, children: [] };
  for (const path of paths) {
    let node = root;
    const parts = path.split('/');
    parts.forEach((part, index) => {
      const file = index === parts.length - 1;
      let child = node.children.find(
        (candidate) => candidate.name === part && (candidate.path === undefined) !== file,
      );
      if (!child) {
        child = { name: part, path: file ? path : undefined, children: [] };
        node.children.push(child);
      }
      node = child;
    });
  }
  const sort = (nodes: TreeNode[]): TreeNode[] =>
    nodes
      .sort(
        (a, b) => Number(a.path !== undefined) - Number(b.path !== undefined) || a.name.localeCompare(b.name),
      )
      .map((node) => ({ ...node, children: sort(node.children) }));
  return sort(root.children);
}
