import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { TestItem } from '../../api/api-types.ts';
import { FileView } from './file-view.tsx';

/** The chosen test: what it is about and its code, highlighted. */
export function TestDetail({ taskId, test }: { taskId: string; test: TestItem }) {
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {test.title}
      </Title>
      <Group gap="xs">
        <Badge variant="light">{test.status}</Badge>
        <Text size="sm">{test.target}</Text>
      </Group>
      {test.file ? (
        <FileView taskId={taskId} path={test.file} />
      ) : (
        <Text size="sm" c="dimmed">
          This test has no file of its own (a manual case).
        </Text>
      )}
    </Stack>
  );
}
