import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { TestopsError } from '../../../core/errors.ts';
import type { Chat } from '../../store/stores.ts';
import {
  chatChangesSchema,
  chatDeletedSchema,
  chatListSchema,
  chatParams,
  chatSchema,
  chatView,
  historyQuery,
  historySchema,
  messageView,
  newChatSchema,
  pageQuery,
} from '../chat-contracts.ts';
import { errorResponseSchema } from '../contracts.ts';
import { projectParams } from '../project-contracts.ts';
import type { ServiceContext } from '../service-context.ts';
import { visibleProject } from './project-routes.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
};

export const NEW_CHAT_TITLE = 'New chat';

/** A chat of a project the caller may see, or 403/404. */
export async function visibleChat(
  context: ServiceContext,
  request: FastifyRequest,
  projectId: string,
  chatId: string,
): Promise<Chat> {
  await visibleProject(context, request, projectId);
  const chat = await context.stores.chats.get(chatId);
  if (!chat || chat.projectId !== projectId) throw chatNotFound(projectId, chatId);
  return chat;
}

export function chatNotFound(projectId: string, chatId: string): TestopsError {
  return new TestopsError(
    'TESTOPS_CHAT_NOT_FOUND',
    `project "${projectId}" has no chat ${chatId}; list them with GET /api/v1/projects/${projectId}/chats.`,
  );
}

/** Chats of a project (list, create, rename, delete) and the project's message history. */
export function registerChatRoutes(app: FastifyInstance, context: ServiceContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const { chats } = context.stores;
  typed.get(
    '/api/v1/projects/:id/chats',
    {
      schema: {
        summary: "A project's chats, most recently active first",
        tags: ['chat'],
        params: projectParams,
        querystring: pageQuery,
        response: { 200: chatListSchema, ...errors },
      },
    },
    async (request) => {
      const project = await visibleProject(context, request, request.params.id);
      const items = await chats.list(project.id, request.query);
      return { items: items.map(chatView), ...request.query };
    },
  );
  typed.post(
    '/api/v1/projects/:id/chats',
    {
      schema: {
        summary: 'Start a chat in a project',
        tags: ['chat'],
        params: projectParams,
        body: newChatSchema,
        response: { 201: chatSchema, ...errors },
      },
    },
    async (request, reply) => {
      const project = await visibleProject(context, request, request.params.id);
      const chat = await chats.create(project.id, request.body.title ?? NEW_CHAT_TITLE);
      return reply.code(201).send(chatView(chat));
    },
  );
  typed.get(
    '/api/v1/projects/:id/chats/:chat_id',
    {
      schema: {
        summary: 'A chat',
        tags: ['chat'],
        params: chatParams,
        response: { 200: chatSchema, ...errors },
      },
    },
    async (request) =>
      chatView(await visibleChat(context, request, request.params.id, request.params.chat_id)),
  );
  typed.patch(
    '/api/v1/projects/:id/chats/:chat_id',
    {
      schema: {
        summary: 'Rename a chat',
        tags: ['chat'],
        params: chatParams,
        body: chatChangesSchema,
        response: { 200: chatSchema, ...errors },
      },
    },
    async (request) => {
      const { id, chat_id } = request.params;
      await visibleChat(context, request, id, chat_id);
      const renamed = await chats.rename(chat_id, request.body.title);
      if (!renamed) throw chatNotFound(id, chat_id);
      return chatView(renamed);
    },
  );
  typed.delete(
    '/api/v1/projects/:id/chats/:chat_id',
    {
      schema: {
        summary: 'Delete a chat with its messages',
        tags: ['chat'],
        params: chatParams,
        response: { 200: chatDeletedSchema, ...errors },
      },
    },
    async (request) => {
      const { id, chat_id } = request.params;
      await visibleChat(context, request, id, chat_id);
      await chats.delete(chat_id);
      return { id: chat_id, deleted: true as const };
    },
  );
  typed.get(
    '/api/v1/projects/:id/history',
    {
      schema: {
        summary: "The project's messages, filtered by chat and by trace id, paginated by cursor",
        tags: ['chat'],
        params: projectParams,
        querystring: historyQuery,
        response: { 200: historySchema, ...errors },
      },
    },
    async (request) => {
      const project = await visibleProject(context, request, request.params.id);
      const { chat_id, trace_id, cursor, order, limit } = request.query;
      const page = await chats.history({
        projectId: project.id,
        ...(chat_id !== undefined ? { chatId: chat_id } : {}),
        ...(trace_id !== undefined ? { traceId: trace_id } : {}),
        ...(cursor !== undefined ? { cursor: Number(cursor) } : {}),
        order,
        limit,
      });
      return {
        items: page.items.map(messageView),
        next_cursor: page.nextCursor === undefined ? null : String(page.nextCursor),
      };
    },
  );
}
