import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { creationTime } from './creation-time.ts';
import type { ApiKeyRecord, KeyStore } from './stores.ts';
import { optional, type Database } from './database.ts';
import { apiKeys } from './schema.ts';

const KEY_PREFIX = 'tok_';
const KEY_BYTES = 32;
/** `tok_` and 8 characters of the random part: enough to tell keys apart, far too few to guess. */
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 8;
const KEY_PATTERN = /^tok_[A-Za-z0-9_-]{43}$/;
/** last_used_at is for humans ("unused for months"); writing it on every request would be churn. */
const LAST_USED_RESOLUTION_MS = 60_000;

export class KeyRepository implements KeyStore {
  constructor(private readonly db: Database) {}

  async create(projectId: string, name: string): Promise<{ key: string; record: ApiKeyRecord }> {
    const key = `${KEY_PREFIX}${randomBytes(KEY_BYTES).toString('base64url')}`;
    const [row] = await this.db
      .insert(apiKeys)
      .values({
        id: randomUUID(),
        projectId,
        name,
        prefix: key.slice(0, SHOWN_PREFIX_LENGTH),
        hash: hashKey(key).toString('hex'),
        createdAt: creationTime(),
      })
      .returning();
    if (!row) throw new Error('inserting an API key returned no row');
    return { key, record: toKeyRecord(row) };
  }

  async verify(key: string): Promise<ApiKeyRecord | undefined> {
    if (!KEY_PATTERN.test(key)) return undefined;
    const hash = hashKey(key);
    const [row] = await this.db
      .select()
      .from(apiKeys)
      .where(eq(apiKeys.hash, hash.toString('hex')));
    // The lookup already matched the hash; comparing again in constant time keeps the decision
    // itself free of early exits, whatever the index did.
    if (!row || !timingSafeEqual(Buffer.from(row.hash, 'hex'), hash) || row.revokedAt) return undefined;
    const [touched] = await this.db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiKeys.id, row.id),
          isNull(apiKeys.revokedAt),
          or(
            isNull(apiKeys.lastUsedAt),
            lt(
              apiKeys.lastUsedAt,
              sql`now() - ${LAST_USED_RESOLUTION_MS}::double precision * interval '1 millisecond'`,
            ),
          ),
        ),
      )
      .returning();
    return toKeyRecord(touched ?? row);
  }

  async revoke(id: string): Promise<boolean> {
    const rows = await this.db
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    return rows.length === 1;
  }

  async list(projectId?: string): Promise<ApiKeyRecord[]> {
    const rows = await this.db
      .select()
      .from(apiKeys)
      .where(projectId === undefined ? undefined : eq(apiKeys.projectId, projectId))
      .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
    return rows.map(toKeyRecord);
  }
}

function hashKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

function toKeyRecord(row: typeof apiKeys.$inferSelect): ApiKeyRecord {
  return {
    id: row.id,
    projectId: row.projectId,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt,
    revokedAt: optional(row.revokedAt),
    lastUsedAt: optional(row.lastUsedAt),
  };
}
