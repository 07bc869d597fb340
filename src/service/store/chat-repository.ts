import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type {
  Chat,
  ChatStore,
  HistoryFilter,
  MessageRecord,
  MessageRole,
  NewMessage,
  StoredToolCall,
} from './stores.ts';
import { optional, queryRows, type Database } from './database.ts';
import { chats, messages } from './schema.ts';

type MessageRow = typeof messages.$inferSelect;

export class ChatRepository implements ChatStore {
  constructor(private readonly db: Database) {}

  async create(projectId: string, title: string): Promise<Chat> {
    const [row] = await this.db.insert(chats).values({ id: randomUUID(), projectId, title }).returning();
    if (!row) throw new Error('inserting a chat returned no row');
    return row;
  }

  async get(id: string): Promise<Chat | undefined> {
    const [row] = await this.db.select().from(chats).where(eq(chats.id, id));
    return row;
  }

  list(projectId: string, page: { limit: number; offset: number }): Promise<Chat[]> {
    return this.db
      .select()
      .from(chats)
      .where(eq(chats.projectId, projectId))
      .orderBy(desc(chats.updatedAt), desc(chats.id))
      .limit(page.limit)
      .offset(page.offset);
  }

  async rename(id: string, title: string): Promise<Chat | undefined> {
    const [row] = await this.db
      .update(chats)
      .set({ title, updatedAt: sql`now()` })
      .where(eq(chats.id, id))
      .returning();
    return row;
  }

  async delete(id: string): Promise<boolean> {
    const removed = await this.db.delete(chats).where(eq(chats.id, id)).returning({ id: chats.id });
    return removed.length > 0;
  }

  append(message: NewMessage): Promise<MessageRecord | undefined> {
    return this.db.transaction(async (tx) => {
      if (message.parentId !== undefined) {
        const [parent] = await tx
          .select({ id: messages.id })
          .from(messages)
          .where(and(eq(messages.id, message.parentId), eq(messages.chatId, message.chatId)));
        if (!parent) return undefined;
      }
      // Touching the chat locks its row: appends to one chat take turns.
      const [chat] = await tx
        .update(chats)
        .set({ updatedAt: sql`now()` })
        .where(eq(chats.id, message.chatId))
        .returning({ projectId: chats.projectId });
      if (!chat) return undefined;
      const [row] = await tx
        .insert(messages)
        .values({
          ...message,
          id: message.id ?? randomUUID(),
          projectId: chat.projectId,
          toolCalls: message.toolCalls ?? null,
        })
        .returning();
      return row && toMessageRecord(row);
    });
  }

  async message(id: string): Promise<MessageRecord | undefined> {
    const [row] = await this.db.select().from(messages).where(eq(messages.id, id));
    return row && toMessageRecord(row);
  }

  async latest(chatId: string): Promise<MessageRecord | undefined> {
    const [row] = await this.db
      .select()
      .from(messages)
      .where(eq(messages.chatId, chatId))
      .orderBy(desc(messages.seq))
      .limit(1);
    return row && toMessageRecord(row);
  }

  async branch(messageId: string): Promise<MessageRecord[]> {
    const rows = await queryRows<{ id: string }>(
      this.db,
      sql`with recursive up(id, parent_id, depth) as (
            select id, parent_id, 0 from ${messages} where id = ${messageId}
            union all
            select m.id, m.parent_id, up.depth + 1 from ${messages} m join up on m.id = up.parent_id
          )
          select id from up order by depth desc`,
    );
    if (rows.length === 0) return [];
    const found = await this.db
      .select()
      .from(messages)
      .where(
        inArray(
          messages.id,
          rows.map((row) => row.id),
        ),
      );
    const byId = new Map(found.map((row) => [row.id, toMessageRecord(row)]));
    return rows.flatMap((row) => byId.get(row.id) ?? []);
  }

  async history(filter: HistoryFilter): Promise<{ items: MessageRecord[]; nextCursor: number | undefined }> {
    const rows = await this.db
      .select()
      .from(messages)
      .where(and(...historyConditions(filter)))
      .orderBy(filter.order === 'asc' ? asc(messages.seq) : desc(messages.seq))
      // One more than asked: whether a next page exists, without counting.
      .limit(filter.limit + 1);
    const items = rows.slice(0, filter.limit).map(toMessageRecord);
    return { items, nextCursor: rows.length > filter.limit ? items.at(-1)?.seq : undefined };
  }
}

function historyConditions(filter: HistoryFilter): SQL[] {
  const found = [eq(messages.projectId, filter.projectId)];
  if (filter.chatId !== undefined) found.push(eq(messages.chatId, filter.chatId));
  if (filter.traceId !== undefined) found.push(eq(messages.traceId, filter.traceId));
  if (filter.cursor !== undefined)
    found.push(filter.order === 'asc' ? gt(messages.seq, filter.cursor) : lt(messages.seq, filter.cursor));
  return found;
}

function toMessageRecord(row: MessageRow): MessageRecord {
  return {
    id: row.id,
    seq: Number(row.seq),
    projectId: row.projectId,
    chatId: row.chatId,
    parentId: optional(row.parentId),
    role: row.role as MessageRole,
    content: row.content,
    toolCalls: optional(row.toolCalls) as StoredToolCall[] | undefined,
    model: optional(row.model),
    inputTokens: optional(row.inputTokens),
    outputTokens: optional(row.outputTokens),
    latencyMs: optional(row.latencyMs),
    finishReason: optional(row.finishReason),
    error: optional(row.error),
    traceId: optional(row.traceId),
    spanId: optional(row.spanId),
    createdAt: row.createdAt,
  };
}
