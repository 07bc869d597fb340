import { eq, sql } from 'drizzle-orm';
import type { ReportStore, RunResultRecord } from './stores.ts';
import type { Database } from './database.ts';
import { reports, runResults } from './schema.ts';

const BATCH_RESULTS = 500;

export class ReportRepository implements ReportStore {
  constructor(private readonly db: Database) {}

  async saveForJob(
    jobId: string,
    kind: string,
    report: Record<string, unknown>,
    results: RunResultRecord[] = [],
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx
        .insert(reports)
        .values({ jobId, kind, report })
        .onConflictDoUpdate({ target: reports.jobId, set: { kind, report, createdAt: sql`now()` } });
      // A retried attempt's results replace the previous attempt's, never add to them.
      await tx.delete(runResults).where(eq(runResults.jobId, jobId));
      const rows = results.map((result, ordinal) => ({
        jobId,
        ordinal,
        test: result.test,
        verdict: result.verdict,
        passes: result.passes,
        runs: result.runs,
        evidence: result.evidence ?? null,
      }));
      for (let start = 0; start < rows.length; start += BATCH_RESULTS) {
        await tx.insert(runResults).values(rows.slice(start, start + BATCH_RESULTS));
      }
    });
  }

  async getForJob(jobId: string): Promise<{ kind: string; report: Record<string, unknown> } | undefined> {
    const [row] = await this.db
      .select({ kind: reports.kind, report: reports.report })
      .from(reports)
      .where(eq(reports.jobId, jobId));
    return row;
  }
}
