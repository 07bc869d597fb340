import type { ChatMessage } from '../../api/api-types.ts';
import { tasksIn, type ChatTurn } from './chat-reply.ts';

/** A stored message on the branch shown, with its place among the answers to the same question. */
export interface BranchTurn extends ChatTurn {
  id: string;
  /** Ids of this message and its siblings (other answers to the same question), oldest first. */
  siblings: string[];
}

/**
 * The conversation one leaf of a chat's message tree ends: from `from` (a message the user
 * chose, e.g. another answer) down its newest descendants, else the chat's newest message, up to
 * the root. `messages` are the chat's history, oldest first; system messages are not shown.
 */
export function chatBranch(messages: readonly ChatMessage[], from?: string): BranchTurn[] {
  const shown = messages.filter((message) => message.role !== 'system');
  const byId = new Map(shown.map((message) => [message.id, message]));
  const children = new Map<string | null, ChatMessage[]>();
  for (const message of shown) {
    const parent = message.parent_id !== null && byId.has(message.parent_id) ? message.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), message]);
  }
  let leaf = (from !== undefined ? byId.get(from) : undefined) ?? shown.at(-1);
  // Newest child each step: after a regenerate, the newest answer continues the conversation.
  for (let next = leaf && children.get(leaf.id)?.at(-1); next; next = children.get(next.id)?.at(-1))
    leaf = next;
  const branch: BranchTurn[] = [];
  for (let message = leaf; message; message = byId.get(message.parent_id ?? '')) {
    const parent = message.parent_id !== null && byId.has(message.parent_id) ? message.parent_id : null;
    branch.unshift({
      id: message.id,
      role: message.role === 'user' ? 'user' : 'assistant',
      content: message.content || (message.error ? `${message.error.code}: ${message.error.message}` : ''),
      tasks: tasksIn(message.tool_calls),
      siblings: (children.get(parent) ?? []).map((sibling) => sibling.id),
    });
  }
  return branch;
}
