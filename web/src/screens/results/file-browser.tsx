import { Grid, NavLink, ScrollArea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTaskFiles } from '../../api/tasks.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { Empty, Loading } from '../../components/page-states.tsx';
import { buildTree, type TreeNode } from './file-tree.ts';
import { FileView } from './file-view.tsx';

function TreeLinks({
  nodes,
  selected,
  onSelect,
}: {
  nodes: TreeNode[];
  selected: string | undefined;
  onSelect(path: string): void;
}) {
  return nodes.map((node) =>
    node.path === undefined ? (
      <NavLink key={node.name} label={`${node.name}/`} childrenOffset={12} defaultOpened={nodes.length < 4}>
        <TreeLinks nodes={node.children} selected={selected} onSelect={onSelect} />
      </NavLink>
    ) : (
      <NavLink
        key={node.path}
        label={node.name}
        active={selected === node.path}
        aria-current={selected === node.path ? 'true' : undefined}
        onClick={() => onSelect(node.path!)}
      />
    ),
  );
}

/** The emitted project as a file tree beside the selected file. */
export function FileBrowser({ taskId }: { taskId: string }) {
  const files = useTaskFiles(taskId, true);
  const tree = useMemo(() => buildTree(files.data?.items.map((file) => file.path) ?? []), [files.data]);
  const [selected, setSelected] = useState<string>();
  if (files.isPending) return <Loading label="Loading the files…" />;
  if (files.error) return <ErrorPanel error={files.error} />;
  return (
    <Grid>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <nav aria-label="Files">
          <ScrollArea.Autosize mah="70vh">
            <TreeLinks nodes={tree} selected={selected} onSelect={setSelected} />
          </ScrollArea.Autosize>
        </nav>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {selected ? (
          <>
            <Title order={3} size="h6" mb="xs">
              {selected}
            </Title>
            <FileView taskId={taskId} path={selected} />
          </>
        ) : (
          <Empty title="Choose a file">The whole project the task produced, as in the zip.</Empty>
        )}
      </Grid.Col>
    </Grid>
  );
}
