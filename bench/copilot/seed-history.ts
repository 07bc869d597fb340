import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/service/store/database.ts';
import { openStoresWithDatabase } from '../../src/service/store/open-stores.ts';

const CHATS = 100;

/**
 * Stores `count` messages in a project as question/answer pairs over 100 chats, written in
 * bulk by SQL (one turn at a time would take the benchmark minutes): the history's indexes see
 * what a long-used project gives them.
 */
export async function seedHistory(
  dataDir: string,
  projectId: string,
  count: number,
): Promise<{ chatId: string; traceId: string; middleSeq: number }> {
  const { stores, db } = await openStoresWithDatabase({ dataDir });
  try {
    await stores.projects.create({ name: 'Bench', id: projectId });
    const chats = [];
    for (let index = 0; index < CHATS; index++)
      chats.push(await stores.chats.create(projectId, `chat ${index}`));
    const chatIds = chats.map((chat) => chat.id);
    await db.execute(sql`
      insert into messages (id, project_id, chat_id, role, content, model, input_tokens, output_tokens,
                            latency_ms, finish_reason, trace_id, span_id)
      select gen_random_uuid()::text, ${projectId}, (${`{${chatIds.join(',')}}`}::text[])[1 + (n / 2) % ${CHATS}],
             case when n % 2 = 0 then 'user' else 'assistant' end,
             'message ' || n || ': ' || repeat('lorem ipsum ', 20),
             case when n % 2 = 1 then 'fixture-chat' end, 120, 80, 900, 'stop',
             lpad(to_hex(n / 2), 32, '0'), lpad(to_hex(n), 16, '0')
      from generate_series(0, ${count - 1}) as n`);
    const [middle] = await queryRows<{ seq: number }>(
      db,
      sql`select seq from messages where project_id = ${projectId} order by seq offset ${Math.floor(count / 2)} limit 1`,
    );
    return {
      chatId: chatIds[0]!,
      traceId: (1234).toString(16).padStart(32, '0'),
      middleSeq: Number(middle!.seq),
    };
  } finally {
    await stores.close();
  }
}
