import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { hasRoute, useServiceRoutes } from '../../api/service-routes.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { Loading } from '../../components/page-states.tsx';
import { sendChat, type ChatTurn } from './chat-reply.ts';

function Turn({ turn }: { turn: ChatTurn }) {
  return (
    <Paper
      p="xs"
      withBorder={turn.role === 'assistant'}
      bg={turn.role === 'user' ? 'var(--mantine-color-default-hover)' : undefined}
    >
      <Text size="xs" c="dimmed">
        {turn.role === 'user' ? 'You' : 'Copilot'}
      </Text>
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

/**
 * The project copilot beside every project screen: answers stream in, slash commands (`/help`)
 * work without a model, and jobs it starts appear as links.
 */
export function ChatPanel({ projectId, onClose }: { projectId: string; onClose(): void }) {
  const routes = useServiceRoutes();
  const [turns, setTurns] = useState<ChatTurn[]>([]);
  const [draft, setDraft] = useState('');
  const chatId = useRef<string>(undefined);
  const lastReply = useRef<string>(undefined);
  const ask = useMutation({
    mutationFn: async ({ history, regenerate }: { history: ChatTurn[]; regenerate?: boolean }) => {
      setTurns([...history, { role: 'assistant', content: '', tasks: [] }]);
      const append = (delta: string) =>
        setTurns((current) =>
          current.map((turn, index) =>
            index === current.length - 1 ? { ...turn, content: turn.content + delta } : turn,
          ),
        );
      const reply = await sendChat(
        projectId,
        {
          messages: history.map(({ role, content }) => ({ role, content })),
          chatId: chatId.current,
          regenerateId: regenerate ? lastReply.current : undefined,
        },
        append,
      );
      chatId.current = reply.chatId;
      lastReply.current = reply.replyId;
      setTurns([...history, { role: 'assistant', content: reply.content, tasks: reply.tasks }]);
    },
    onError: (_error, { history }) => setTurns(history),
  });
  const send = (event?: FormEvent) => {
    event?.preventDefault();
    if (!draft.trim() || ask.isPending) return;
    ask.mutate({ history: [...turns, { role: 'user', content: draft.trim(), tasks: [] }] });
    setDraft('');
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey) send(event);
  };
  const lastUser = turns.findLastIndex((turn) => turn.role === 'user');
  const header = (
    <Group justify="space-between">
      <Title order={2} size="h5">
        Copilot
      </Title>
      <ActionIcon variant="subtle" aria-label="Close the chat" onClick={onClose}>
        <span aria-hidden>✕</span>
      </ActionIcon>
    </Group>
  );
  if (routes.isPending) return <Loading label="Loading…" />;
  if (!hasRoute(routes.data, '/api/v1/projects/{id}/chat', 'post'))
    return (
      <Stack>
        {header}
        <Text size="sm" c="dimmed">
          This server has no project chat yet.
        </Text>
      </Stack>
    );
  return (
    <Stack h="100%" gap="xs">
      {header}
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Stack gap="xs" role="log" aria-label="Conversation" aria-live="polite">
          {turns.length === 0 && (
            <Text size="sm" c="dimmed">
              Ask about this project, or type <code>/help</code> for the commands (they work without a model).
            </Text>
          )}
          {turns.map((turn, index) => (
            <Turn key={index} turn={turn} />
          ))}
        </Stack>
      </ScrollArea>
      {ask.error && <ErrorPanel error={ask.error} />}
      <form onSubmit={send} aria-label="Send a message">
        <Stack gap={6}>
          <Textarea
            label="Message"
            placeholder="/help"
            autosize
            minRows={2}
            maxRows={6}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            onKeyDown={onKey}
          />
          <Group gap="xs" justify="flex-end">
            {lastUser >= 0 && (
              <Button
                variant="default"
                disabled={ask.isPending}
                onClick={() => ask.mutate({ history: turns.slice(0, lastUser + 1), regenerate: true })}
              >
                Regenerate
              </Button>
            )}
            <Button type="submit" loading={ask.isPending}>
              Send
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
