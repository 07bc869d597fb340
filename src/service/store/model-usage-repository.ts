import { eq, sql } from 'drizzle-orm';
import type { UsageTotals } from '../../core/model-client.ts';
import type { Database } from './database.ts';
import { ensureProject } from './project-repository.ts';
import { modelUsage } from './schema.ts';
import type { ModelUsageStore, ProjectUsageTotals } from './stores.ts';

export class ModelUsageRepository implements ModelUsageStore {
  constructor(private readonly db: Database) {}

  async record(entry: {
    projectId: string;
    jobId: string;
    attempt: number;
    totals: UsageTotals;
  }): Promise<void> {
    const { totals } = entry;
    const values = {
      projectId: entry.projectId,
      calls: totals.calls,
      fromCache: totals.fromCache,
      failed: totals.failed,
      inputTokens: totals.inputTokens,
      outputTokens: totals.outputTokens,
      cachedInputTokens: totals.cachedInputTokens,
      costUsd: totals.costUsd ?? null,
      costRub: totals.costRub ?? null,
    };
    await ensureProject(this.db, entry.projectId);
    await this.db
      .insert(modelUsage)
      .values({ jobId: entry.jobId, attempt: entry.attempt, ...values })
      .onConflictDoUpdate({
        target: [modelUsage.jobId, modelUsage.attempt],
        set: { ...values, recordedAt: sql`now()` },
      });
  }

  async totals(projectId: string): Promise<ProjectUsageTotals> {
    // Sums come back as text (numeric) from both drivers: converted here, once.
    const [row] = await this.db
      .select({
        attempts: sql<string>`count(*)`,
        calls: sql<string>`coalesce(sum(${modelUsage.calls}), 0)`,
        fromCache: sql<string>`coalesce(sum(${modelUsage.fromCache}), 0)`,
        failed: sql<string>`coalesce(sum(${modelUsage.failed}), 0)`,
        inputTokens: sql<string>`coalesce(sum(${modelUsage.inputTokens}), 0)`,
        outputTokens: sql<string>`coalesce(sum(${modelUsage.outputTokens}), 0)`,
        cachedInputTokens: sql<string>`coalesce(sum(${modelUsage.cachedInputTokens}), 0)`,
        costUsd: sql<string | null>`sum(${modelUsage.costUsd})`,
        costRub: sql<string | null>`sum(${modelUsage.costRub})`,
      })
      .from(modelUsage)
      .where(eq(modelUsage.projectId, projectId));
    const count = (value: string | number | undefined) => Number(value ?? 0);
    const cost = (value: string | number | null | undefined) =>
      value === null || value === undefined ? undefined : Number(value);
    return {
      attempts: count(row?.attempts),
      calls: count(row?.calls),
      fromCache: count(row?.fromCache),
      failed: count(row?.failed),
      inputTokens: count(row?.inputTokens),
      outputTokens: count(row?.outputTokens),
      cachedInputTokens: count(row?.cachedInputTokens),
      costUsd: cost(row?.costUsd),
      costRub: cost(row?.costRub),
    };
  }
}
