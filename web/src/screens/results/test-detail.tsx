import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { TestItem } from '../../api/api-types.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { Loading } from '../../components/page-states.tsx';
import { FileView } from './file-view.tsx';
import { useTestSource } from './use-test-source.ts';

/** The chosen test: what it is about and its code, highlighted at its declaration. */
export function TestDetail({ taskId, test }: { taskId: string; test: TestItem }) {
  const source = useTestSource(taskId, test);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {test.title}
      </Title>
      <Group gap="xs">
        <Badge variant="light">{test.status}</Badge>
        <Text size="sm">{test.target}</Text>
      </Group>
      {source.isPending && <Loading label="Finding the test’s code…" />}
      {source.error && <ErrorPanel error={source.error} />}
      {source.data === null && (
        <Text size="sm" c="dimmed">
          No emitted file declares this test (a manual case lives in the cases files; see Files).
        </Text>
      )}
      {source.data && (
        <FileView
          taskId={taskId}
          path={source.data.path}
          {...(source.data.line ? { line: source.data.line } : {})}
        />
      )}
    </Stack>
  );
}
