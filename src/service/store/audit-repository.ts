import { desc, eq } from 'drizzle-orm';
import type { AuditEntry, AuditLog } from './stores.ts';
import { optional, type Database } from './database.ts';
import { auditLog } from './schema.ts';

export class AuditRepository implements AuditLog {
  constructor(private readonly db: Database) {}

  async record(entry: Omit<AuditEntry, 'at'>): Promise<void> {
    await this.db.insert(auditLog).values({
      actor: entry.actor,
      action: entry.action,
      projectId: entry.projectId ?? null,
      target: entry.target ?? null,
      detail: entry.detail,
    });
  }

  async list(filter: { projectId?: string; limit: number }): Promise<AuditEntry[]> {
    const rows = await this.db
      .select()
      .from(auditLog)
      .where(filter.projectId === undefined ? undefined : eq(auditLog.projectId, filter.projectId))
      // The identity orders entries written within one clock tick, newest first.
      .orderBy(desc(auditLog.id))
      .limit(filter.limit);
    return rows.map((row) => ({
      at: row.at,
      actor: row.actor,
      action: row.action,
      projectId: optional(row.projectId),
      target: optional(row.target),
      detail: row.detail,
    }));
  }
}
