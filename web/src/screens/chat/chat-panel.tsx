import { Text } from '@mantine/core';

export function ChatPanel(_props: { projectId: string; onClose(): void }) {
  return <Text size="sm">The project chat.</Text>;
}
