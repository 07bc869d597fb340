import { useQuery } from '@tanstack/react-query';
import { getJson } from './api-client.ts';
import type { Chat, ChatMessage } from './api-types.ts';

const projectPath = (projectId: string) => `/api/v1/projects/${encodeURIComponent(projectId)}`;

/** A project's chats, most recently active first (the first 200: the route's page limit). */
export function useChats(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['chats', projectId],
    enabled,
    queryFn: async ({ signal }) =>
      (await getJson<{ items: Chat[] }>(`${projectPath(projectId)}/chats?limit=200`, signal)).items,
  });
}

/** Every message of one chat (all branches), oldest first, read page by page. */
export async function fetchChatHistory(
  projectId: string,
  chatId: string,
  signal?: AbortSignal,
): Promise<ChatMessage[]> {
  const all: ChatMessage[] = [];
  let cursor: string | null = null;
  do {
    const query = `chat_id=${chatId}&order=asc&limit=500${cursor ? `&cursor=${cursor}` : ''}`;
    const page: { items: ChatMessage[]; next_cursor: string | null } = await getJson(
      `${projectPath(projectId)}/history?${query}`,
      signal,
    );
    all.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return all;
}

export function useChatHistory(projectId: string, chatId: string | undefined) {
  return useQuery({
    queryKey: ['chat-history', projectId, chatId],
    enabled: chatId !== undefined,
    queryFn: ({ signal }) => fetchChatHistory(projectId, chatId!, signal),
  });
}
