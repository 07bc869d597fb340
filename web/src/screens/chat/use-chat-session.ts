import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { fetchChatHistory, useChatHistory, useChats } from '../../api/chats.ts';
import { chatBranch } from './chat-branch.ts';
import { sendChat, type ChatTurn } from './chat-reply.ts';

/**
 * The conversation the panel shows: the project's latest chat (or the one the user picked, or a
 * new one), read from the stored history so a reload shows it again; the branch of its message
 * tree that ends at the newest message, or at the answer the user browsed to. `stored` is false
 * on a server without the history routes: the conversation then lives in the page only.
 */
export function useChatSession(projectId: string, stored: boolean) {
  const client = useQueryClient();
  const chats = useChats(projectId, stored);
  // undefined: the latest chat; { chatId: undefined }: a new chat, started by the first message.
  const [choice, setChoice] = useState<{ chatId: string | undefined }>();
  const chatId = choice ? choice.chatId : chats.data?.[0]?.id;
  const history = useChatHistory(projectId, stored ? chatId : undefined);
  const [from, setFrom] = useState<string>();
  const branch = useMemo(() => chatBranch(history.data ?? [], from), [history.data, from]);
  // While a reply streams, and on a server that keeps no history, the page holds the turns.
  const [pending, setPending] = useState<ChatTurn[]>();
  const turns: ChatTurn[] = pending ?? (chatId ? branch : []);

  const ask = useMutation({
    mutationFn: async ({ history: asked, regenerateId }: { history: ChatTurn[]; regenerateId?: string }) => {
      const parentId = regenerateId ? undefined : asked.at(-2)?.id;
      setPending([...asked, { role: 'assistant', content: '', tasks: [] }]);
      const append = (delta: string) =>
        setPending((current) =>
          current?.map((turn, index) =>
            index === current.length - 1 ? { ...turn, content: turn.content + delta } : turn,
          ),
        );
      const messages = asked.map(({ role, content }) => ({ role, content }));
      const reply = await sendChat(projectId, { messages, chatId, parentId, regenerateId }, append);
      const answer = {
        id: reply.replyId,
        role: 'assistant' as const,
        content: reply.content,
        tasks: reply.tasks,
      };
      if (!stored || !reply.chatId) return setPending([...asked, answer]);
      // The stored tree is the truth: read it back, then show its newest branch.
      await client.fetchQuery({
        queryKey: ['chat-history', projectId, reply.chatId],
        queryFn: ({ signal }) => fetchChatHistory(projectId, reply.chatId!, signal),
        staleTime: 0,
      });
      setChoice({ chatId: reply.chatId });
      setFrom(undefined);
      setPending(undefined);
      void client.invalidateQueries({ queryKey: ['chats', projectId] });
    },
    onError: (_error, { history: asked }) => {
      setPending(stored ? undefined : asked);
      if (stored) void client.invalidateQueries({ queryKey: ['chat-history', projectId] });
    },
  });

  return {
    chats,
    chatId,
    history,
    turns,
    /** Answers to the same question as each stored turn, to browse them. */
    siblings: (id: string | undefined) => branch.find((turn) => turn.id === id)?.siblings,
    ask,
    openChat(id: string | undefined) {
      setChoice({ chatId: id });
      setFrom(undefined);
      setPending(undefined);
      ask.reset();
    },
    showMessage: setFrom,
  };
}
