import { ActionIcon, Button, Group, ScrollArea, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { hasRoute, useServiceRoutes } from '../../api/service-routes.ts';
import { ErrorPanel } from '../../components/error-panel.tsx';
import { Loading } from '../../components/page-states.tsx';
import { ChatTurnView } from './chat-turn.tsx';
import { useChatSession } from './use-chat-session.ts';

/**
 * The project copilot beside every project screen: it opens on the project's latest chat (its
 * stored history), lets the user pick another or start a new one; answers stream in, slash
 * commands (`/help`) work without a model, and jobs it starts appear as links.
 */
export function ChatPanel({ projectId, onClose }: { projectId: string; onClose(): void }) {
  const routes = useServiceRoutes();
  const stored = hasRoute(routes.data, '/api/v1/projects/{id}/history');
  const session = useChatSession(projectId, stored);
  const { ask, turns, chats, history } = session;
  const [draft, setDraft] = useState('');
  const send = (event?: FormEvent) => {
    event?.preventDefault();
    if (!draft.trim() || ask.isPending) return;
    const question = draft.trim();
    ask.mutate(
      { history: [...turns, { role: 'user', content: question, tasks: [] }] },
      // A refused question comes back to the box, so nothing typed is lost.
      { onError: () => setDraft((current) => current || question) },
    );
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
  const loadError = chats.error ?? history.error;
  return (
    <Stack h="100%" gap="xs">
      {header}
      {stored && (
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Select
            label="Chat"
            placeholder={chats.isPending ? 'Loading chats…' : 'New chat'}
            style={{ flex: 1 }}
            data={(chats.data ?? []).map((chat) => ({
              value: chat.id,
              label: `${chat.title} · ${new Date(chat.updated_at).toLocaleString()}`,
            }))}
            value={session.chatId ?? null}
            onChange={(value) => value && session.openChat(value)}
            allowDeselect={false}
            disabled={ask.isPending}
          />
          <Button variant="default" disabled={ask.isPending} onClick={() => session.openChat(undefined)}>
            New chat
          </Button>
        </Group>
      )}
      {loadError && (
        <ErrorPanel
          error={loadError}
          onRetry={() => void (chats.error ? chats.refetch() : history.refetch())}
        />
      )}
      {/* A long conversation scrolls: keyboard users reach it by Tab (axe: scrollable-region-focusable). */}
      <ScrollArea
        style={{ flex: 1 }}
        type="auto"
        viewportProps={{ tabIndex: 0, 'aria-label': 'Conversation, scrollable' }}
      >
        <Stack gap="xs" role="log" aria-label="Conversation" aria-live="polite">
          {session.chatId && history.isPending && !ask.isPending ? (
            <Loading label="Loading the conversation…" />
          ) : (
            turns.length === 0 &&
            !loadError && (
              <Text size="sm" c="dimmed">
                Ask about this project, or type <code>/help</code> for the commands (they work without a
                model).
              </Text>
            )
          )}
          {turns.map((turn, index) => (
            <ChatTurnView
              key={turn.id ?? `pending-${index}`}
              turn={turn}
              siblings={session.siblings(turn.id)}
              {...(ask.isPending ? {} : { onShow: session.showMessage })}
            />
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
                onClick={() =>
                  ask.mutate({
                    history: turns.slice(0, lastUser + 1),
                    ...(turns[lastUser + 1]?.id ? { regenerateId: turns[lastUser + 1]!.id! } : {}),
                  })
                }
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
