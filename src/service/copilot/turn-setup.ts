import { randomBytes, randomUUID } from 'node:crypto';
import { TestopsError } from '../../core/errors.ts';
import type { Chat, ChatStore, MessageRecord, MessageRole } from '../store/stores.ts';

export interface TurnMessage {
  role: MessageRole;
  content: string;
}

/** What a client asks for in one turn (the body of POST …/chat, checked by its contract). */
export interface TurnRequest {
  projectId: string;
  /** OpenAI-style; the last user message is the new question (none when regenerating). */
  messages: TurnMessage[];
  chatId?: string | undefined;
  /** The message the question follows: an earlier one to edit (a sibling), the newest by default. */
  parentId?: string | undefined;
  /** An assistant message to answer again: the new reply is its sibling. */
  regenerateId?: string | undefined;
}

/** A turn ready to answer: the question stored, the conversation that leads to it. */
export interface PreparedTurn {
  chat: Chat;
  /** The stored question, or undefined when regenerating. */
  question: MessageRecord | undefined;
  /** The reply's parent (the question). */
  parentId: string | undefined;
  /** The reply's id, known before it is stored so `start` can name it. */
  replyId: string;
  /** Root first, ending with the question. */
  conversation: MessageRecord[];
  traceId: string;
  spanId: string;
  /** False for the stateless endpoint: nothing of the turn is written to the chat store. */
  stored: boolean;
}

const TITLE_CHARS = 60;

/**
 * Stores the turn's question where the request puts it in the chat's tree. A new chat also
 * stores the messages that came before the question (a client that keeps its own history);
 * in an existing chat the stored branch is the history and earlier messages are ignored.
 */
export async function prepareTurn(
  chats: ChatStore,
  request: TurnRequest,
  trace: { traceId: string | undefined; spanId: string | undefined },
): Promise<PreparedTurn> {
  const ids = turnIds(trace);
  const chat = request.chatId ? await existingChat(chats, request) : await newChat(chats, request);
  if (request.regenerateId) {
    const replied = await chats.message(request.regenerateId);
    if (!replied || replied.chatId !== chat.id || replied.role !== 'assistant' || !replied.parentId)
      throw notInChat(chat, request.regenerateId, 'an assistant reply to regenerate');
    const conversation = await chats.branch(replied.parentId);
    const parentId = replied.parentId;
    return { chat, question: undefined, parentId, replyId: randomUUID(), conversation, ...ids, stored: true };
  }
  const index = lastUserIndex(request.messages);
  let parentId = request.parentId;
  if (parentId !== undefined) {
    const parent = await chats.message(parentId);
    if (!parent || parent.chatId !== chat.id)
      throw notInChat(chat, parentId, 'the message the question follows');
  } else if (request.chatId) {
    parentId = (await chats.latest(chat.id))?.id;
  } else {
    for (const earlier of request.messages.slice(0, index))
      parentId = (await append(chats, chat, { ...earlier, parentId }, ids)).id;
  }
  const question = await append(chats, chat, { ...request.messages[index]!, parentId }, ids);
  const conversation = await chats.branch(question.id);
  return { chat, question, parentId: question.id, replyId: randomUUID(), conversation, ...ids, stored: true };
}

/**
 * A turn of the stateless endpoint: the client sends the whole conversation each time and
 * nothing is stored; the reply still has an id and a trace id for the logs.
 */
export function statelessTurn(
  projectId: string,
  messages: TurnMessage[],
  trace: { traceId: string | undefined; spanId: string | undefined },
): PreparedTurn {
  const index = lastUserIndex(messages);
  const now = new Date();
  const chat: Chat = {
    id: `stateless-${randomUUID()}`,
    projectId,
    title: '',
    createdAt: now,
    updatedAt: now,
  };
  const conversation = messages.slice(0, index + 1).map((message, seq): MessageRecord => ({
    id: randomUUID(),
    seq,
    projectId,
    chatId: chat.id,
    parentId: undefined,
    role: message.role,
    content: message.content,
    toolCalls: undefined,
    model: undefined,
    inputTokens: undefined,
    outputTokens: undefined,
    latencyMs: undefined,
    finishReason: undefined,
    error: undefined,
    traceId: undefined,
    spanId: undefined,
    createdAt: now,
  }));
  return {
    chat,
    question: undefined,
    parentId: undefined,
    replyId: randomUUID(),
    conversation,
    ...turnIds(trace),
    stored: false,
  };
}

function turnIds(trace: { traceId: string | undefined; spanId: string | undefined }) {
  return {
    traceId: trace.traceId ?? randomBytes(16).toString('hex'),
    spanId: trace.spanId ?? randomBytes(8).toString('hex'),
  };
}

async function existingChat(chats: ChatStore, request: TurnRequest): Promise<Chat> {
  const chat = await chats.get(request.chatId!);
  if (!chat || chat.projectId !== request.projectId)
    throw new TestopsError(
      'TESTOPS_CHAT_NOT_FOUND',
      `project "${request.projectId}" has no chat ${request.chatId}; leave chat_id out to start one.`,
    );
  return chat;
}

async function newChat(chats: ChatStore, request: TurnRequest): Promise<Chat> {
  if (request.regenerateId)
    throw new TestopsError('TESTOPS_INVALID_REQUEST', 'regenerate_id needs the chat_id of the reply');
  const question = request.messages[lastUserIndex(request.messages)]!.content.trim();
  const title = question.length > TITLE_CHARS ? `${question.slice(0, TITLE_CHARS - 1)}…` : question;
  return chats.create(request.projectId, title || 'New chat');
}

function lastUserIndex(messages: TurnMessage[]): number {
  const index = messages.findLastIndex((message) => message.role === 'user');
  if (index < 0)
    throw new TestopsError('TESTOPS_INVALID_REQUEST', 'messages hold no user message to answer', {
      where: 'body.messages',
      expected: 'at least one {"role": "user", "content": "…"} (or regenerate_id to answer again)',
    });
  return index;
}

async function append(
  chats: ChatStore,
  chat: Chat,
  message: TurnMessage & { parentId: string | undefined },
  ids: { traceId: string; spanId: string },
): Promise<MessageRecord> {
  const stored = await chats.append({
    chatId: chat.id,
    role: message.role,
    content: message.content,
    ...(message.parentId ? { parentId: message.parentId } : {}),
    ...ids,
  });
  // The chat was found a moment ago: only a concurrent delete gets here.
  if (!stored) throw notInChat(chat, chat.id, 'the chat');
  return stored;
}

function notInChat(chat: Chat, id: string, what: string): TestopsError {
  return new TestopsError('TESTOPS_CHAT_NOT_FOUND', `chat ${chat.id} has no message ${id}`, {
    expected: `${what}: a message id of this chat (GET /api/v1/projects/${chat.projectId}/history?chat_id=${chat.id})`,
  });
}
