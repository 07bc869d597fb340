import { ActionIcon, Anchor, Group, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ChatTurn } from './chat-reply.ts';

interface ChatTurnProps {
  turn: ChatTurn;
  /** This answer and the other answers to the same question (after a regenerate), oldest first. */
  siblings?: string[] | undefined;
  onShow?(messageId: string): void;
}

/** One message; an answer given more than once can be browsed answer by answer. */
export function ChatTurnView({ turn, siblings = [], onShow }: ChatTurnProps) {
  const index = turn.id ? siblings.indexOf(turn.id) : -1;
  const browse = onShow && index >= 0 && siblings.length > 1;
  return (
    <Paper
      p="xs"
      withBorder={turn.role === 'assistant'}
      bg={turn.role === 'user' ? 'var(--mantine-color-default-hover)' : undefined}
    >
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {turn.role === 'user' ? 'You' : 'Copilot'}
        </Text>
        {browse && (
          <Group gap={2} role="group" aria-label={`Answer ${index + 1} of ${siblings.length}`}>
            <ActionIcon
              size="sm"
              variant="subtle"
              aria-label="Previous answer"
              disabled={index === 0}
              onClick={() => onShow(siblings[index - 1]!)}
            >
              <span aria-hidden>‹</span>
            </ActionIcon>
            <Text size="xs" c="dimmed">
              {index + 1} / {siblings.length}
            </Text>
            <ActionIcon
              size="sm"
              variant="subtle"
              aria-label="Next answer"
              disabled={index === siblings.length - 1}
              onClick={() => onShow(siblings[index + 1]!)}
            >
              <span aria-hidden>›</span>
            </ActionIcon>
          </Group>
        )}
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {turn.content || '…'}
      </Text>
      {turn.tasks.map((id) => (
        <Anchor key={id} component={Link} to={`/jobs/${id}`} size="sm" display="block">
          Open task {id.slice(0, 8)}
        </Anchor>
      ))}
    </Paper>
  );
}
