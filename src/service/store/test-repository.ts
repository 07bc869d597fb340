import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import {
  TEST_PRIORITIES,
  type TestFilter,
  type TestKind,
  type TestPriority,
  type TestRecord,
  type TestStatus,
  type TestStore,
} from './stores.ts';
import { optional, queryRows, retryOnUniqueViolation, type Database } from './database.ts';
import { tests } from './schema.ts';

type NewTest = Omit<TestRecord, 'id' | 'projectId' | 'jobId' | 'version' | 'priority' | 'createdAt'>;

export class TestRepository implements TestStore {
  constructor(private readonly db: Database) {}

  /**
   * One INSERT … SELECT for the whole batch: a test already saved by this job is skipped (a
   * retried attempt), any other gets 1 + the highest version other jobs gave its key. Two jobs
   * versioning one key at once collide on (project, key, version); the loser recomputes.
   */
  async saveForJob(jobId: string, projectId: string, items: NewTest[]): Promise<number> {
    if (items.length === 0) return 0;
    const rows = JSON.stringify(
      items.map((item) => ({
        id: randomUUID(),
        key: item.key,
        kind: item.kind,
        status: item.status,
        title: item.title,
        target: item.target ?? null,
        file: item.file ?? null,
        document: item.document,
      })),
    );
    return retryOnUniqueViolation(async () => {
      const inserted = await queryRows<{ id: string }>(
        this.db,
        sql`insert into ${tests} (id, project_id, job_id, key, kind, status, title, target, file, version, document)
            select v.id, ${projectId}, ${jobId}, v.key, v.kind, v.status, v.title, v.target, v.file,
                   coalesce((select max(t.version) from ${tests} t
                             where t.project_id = ${projectId} and t.key = v.key and t.job_id <> ${jobId}), 0) + 1,
                   v.document
            from jsonb_to_recordset(${rows}::jsonb)
                 as v(id text, key text, kind text, status text, title text, target text, file text, document jsonb)
            on conflict (job_id, key) do nothing
            returning id`,
      );
      return inserted.length;
    });
  }

  async get(id: string): Promise<TestRecord | undefined> {
    const [row] = await this.db.select().from(tests).where(eq(tests.id, id));
    return row && toTestRecord(row);
  }

  async list(filter: TestFilter): Promise<{ items: TestRecord[]; total: number }> {
    const where = and(...conditions(filter));
    const [rows, [count]] = await Promise.all([
      this.db
        .select()
        .from(tests)
        .where(where)
        // Newest job first; within a job, by key, so pages are stable.
        .orderBy(desc(tests.createdAt), asc(tests.key), asc(tests.id))
        .limit(filter.limit)
        .offset(filter.offset),
      this.db
        .select({ total: sql<number>`count(*)::int` })
        .from(tests)
        .where(where),
    ]);
    return { items: rows.map(toTestRecord), total: Number(count?.total ?? 0) };
  }
}

function conditions(filter: TestFilter): SQL[] {
  const found: SQL[] = [];
  if (filter.projectId !== undefined) found.push(eq(tests.projectId, filter.projectId));
  if (filter.jobId !== undefined) found.push(eq(tests.jobId, filter.jobId));
  if (filter.kind !== undefined) found.push(eq(tests.kind, filter.kind));
  if (filter.status !== undefined) found.push(eq(tests.status, filter.status));
  if (filter.priority !== undefined)
    found.push(sql`lower(${tests.document}->>'priority') = ${filter.priority}`);
  if (filter.text !== undefined && filter.text.trim() !== '') {
    const pattern = `%${escapeLike(filter.text.trim())}%`;
    found.push(or(ilike(tests.title, pattern), ilike(tests.target, pattern)) as SQL);
  }
  return found;
}

/** The user's text is matched literally: `%` and `_` are not wildcards to someone searching titles. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function toTestRecord(row: typeof tests.$inferSelect): TestRecord {
  return {
    id: row.id,
    projectId: row.projectId,
    jobId: row.jobId,
    key: row.key,
    kind: row.kind as TestKind,
    status: row.status as TestStatus,
    title: row.title,
    target: optional(row.target),
    file: optional(row.file),
    version: row.version,
    document: row.document,
    priority: documentPriority(row.document),
    createdAt: row.createdAt,
  };
}

function documentPriority(document: Record<string, unknown>): TestPriority | undefined {
  const value = typeof document['priority'] === 'string' ? document['priority'].toLowerCase() : undefined;
  return TEST_PRIORITIES.find((priority) => priority === value);
}
