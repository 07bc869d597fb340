import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { TestopsError } from '../../core/errors.ts';
import type {
  JobError,
  JobEvent,
  JobProgress,
  JobRecord,
  JobStatus,
  NewJob,
  StoredJobEvent,
} from '../jobs/job.ts';
import { JOB_STATUSES } from '../jobs/job.ts';
import type { JobStore } from '../jobs/job-store.ts';
import { dateFromEpochMs, queryRows, type Database } from './database.ts';
import { toJobRecord } from './job-record.ts';
import { ensureProject } from './project-repository.ts';
import { jobEvents, jobs } from './schema.ts';

export const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_LIST_LIMIT = 100;
const DEFAULT_EVENTS_LIMIT = 1000;

/**
 * Jobs on Drizzle. Every transition is one conditional UPDATE … RETURNING: the WHERE clause is
 * the precondition, so of two workers racing for a job exactly one row update succeeds. Lease
 * times use the database clock, never the workers', so machines with skewed clocks agree.
 */
export class JobRepository implements JobStore {
  /** Projects known to exist: projects are never deleted, so each is ensured once per process. */
  readonly #projects = new Set<string>();

  constructor(private readonly db: Database) {}

  async create(job: NewJob): Promise<{ job: JobRecord; created: boolean }> {
    const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `maxAttempts must be a positive integer`, {
        where: 'maxAttempts',
        expected: 'an integer of at least 1',
      });
    }
    if (!this.#projects.has(job.projectId)) {
      await ensureProject(this.db, job.projectId);
      this.#projects.add(job.projectId);
    }
    const [inserted] = await this.db
      .insert(jobs)
      .values({
        id: randomUUID(),
        projectId: job.projectId,
        kind: job.kind,
        input: job.input,
        progress: { percent: 0, stage: undefined },
        maxAttempts,
        idempotencyKey: job.idempotencyKey ?? null,
      })
      // NULL keys never conflict, so jobs without a key are always created.
      .onConflictDoNothing({ target: [jobs.projectId, jobs.idempotencyKey] })
      .returning();
    if (inserted) return { job: toJobRecord(inserted), created: true };
    const [existing] = await this.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.projectId, job.projectId), eq(jobs.idempotencyKey, job.idempotencyKey ?? '')));
    if (!existing) throw new Error('a job conflicted on its idempotency key but cannot be found');
    return { job: toJobRecord(existing), created: false };
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const [row] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    return row && toJobRecord(row);
  }

  async list(filter: {
    projectId?: string;
    status?: JobStatus;
    limit?: number;
    offset?: number;
  }): Promise<JobRecord[]> {
    const conditions: SQL[] = [];
    if (filter.projectId !== undefined) conditions.push(eq(jobs.projectId, filter.projectId));
    if (filter.status !== undefined) conditions.push(eq(jobs.status, filter.status));
    const rows = await this.db
      .select()
      .from(jobs)
      .where(and(...conditions))
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(filter.limit ?? DEFAULT_LIST_LIMIT)
      .offset(filter.offset ?? 0);
    return rows.map(toJobRecord);
  }

  async claim(id: string, workerId: string, leaseMs: number): Promise<JobRecord | undefined> {
    const [row] = await this.db
      .update(jobs)
      .set({
        status: 'running',
        workerId,
        leaseUntil: leaseFromNow(leaseMs),
        attempts: sql`${jobs.attempts} + 1`,
        startedAt: sql`coalesce(${jobs.startedAt}, now())`,
      })
      .where(and(eq(jobs.id, id), claimable(sql`now()`)))
      .returning();
    return row && toJobRecord(row);
  }

  async listClaimable(limit: number, now?: Date): Promise<string[]> {
    const rows = await this.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(claimable(databaseTime(now)))
      .orderBy(asc(jobs.createdAt), asc(jobs.id))
      .limit(limit);
    return rows.map((row) => row.id);
  }

  async renewLease(id: string, workerId: string, leaseMs: number): Promise<boolean> {
    // A cancellation request answers false too: that is how a worker on another machine learns
    // of it. It still holds the job and finishes it as cancelled.
    const rows = await this.db
      .update(jobs)
      .set({ leaseUntil: leaseFromNow(leaseMs) })
      .where(and(heldBy(id, workerId), eq(jobs.cancelRequested, false)))
      .returning({ id: jobs.id });
    return rows.length === 1;
  }

  async setProgress(id: string, progress: JobProgress): Promise<void> {
    await this.db
      .update(jobs)
      .set({ progress })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running')));
  }

  async finish(
    id: string,
    workerId: string,
    outcome:
      | { status: 'completed'; summary: Record<string, unknown>; errors?: JobError[] }
      | { status: 'failed'; errors: JobError[]; summary?: Record<string, unknown> }
      | { status: 'cancelled' },
  ): Promise<boolean> {
    // The final attempt's summary and errors replace earlier ones; a cancelled job keeps what it had.
    const result =
      outcome.status === 'cancelled'
        ? {}
        : outcome.status === 'completed'
          ? { summary: outcome.summary, errors: outcome.errors ?? [] }
          : { summary: outcome.summary ?? null, errors: outcome.errors };
    const rows = await this.db
      .update(jobs)
      .set({ status: outcome.status, workerId: null, leaseUntil: null, finishedAt: sql`now()`, ...result })
      .where(heldBy(id, workerId))
      .returning({ id: jobs.id });
    return rows.length === 1;
  }

  async release(id: string, workerId: string, error: JobError): Promise<boolean> {
    const rows = await this.db
      .update(jobs)
      .set({
        status: 'pending',
        workerId: null,
        leaseUntil: null,
        errors: sql`${jobs.errors} || ${JSON.stringify([error])}::jsonb`,
      })
      .where(heldBy(id, workerId))
      .returning({ id: jobs.id });
    return rows.length === 1;
  }

  async requestCancel(id: string): Promise<JobRecord | undefined> {
    // One statement for both cases, so a worker claiming the job at the same moment either sees
    // it cancelled (and cannot claim it) or holds it and is asked to stop.
    const [row] = await this.db
      .update(jobs)
      .set({
        status: sql`case when ${jobs.status} = 'pending' then 'cancelled' else ${jobs.status} end`,
        cancelRequested: true,
        finishedAt: sql`case when ${jobs.status} = 'pending' then now() else ${jobs.finishedAt} end`,
      })
      .where(and(eq(jobs.id, id), inArray(jobs.status, ['pending', 'running'])))
      .returning();
    // A finished job cannot be cancelled; the caller gets it unchanged and can tell from its status.
    return row ? toJobRecord(row) : this.get(id);
  }

  async retry(id: string): Promise<JobRecord | undefined> {
    const [row] = await this.db
      .update(jobs)
      .set({
        status: 'pending',
        attempts: 0,
        cancelRequested: false,
        workerId: null,
        leaseUntil: null,
        startedAt: null,
        finishedAt: null,
        summary: null,
        errors: [],
        progress: { percent: 0, stage: undefined },
      })
      .where(and(eq(jobs.id, id), inArray(jobs.status, ['failed', 'cancelled'])))
      .returning();
    return row && toJobRecord(row);
  }

  async listInterrupted(now?: Date): Promise<JobRecord[]> {
    const rows = await this.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.status, 'running'), lt(jobs.leaseUntil, databaseTime(now))))
      .orderBy(asc(jobs.createdAt), asc(jobs.id));
    return rows.map(toJobRecord);
  }

  async failExhausted(reason: JobError): Promise<string[]> {
    // The reason names the job's own attempt counts (see JobStore.failExhausted).
    const message = sql`replace(replace(${reason.message}::text, '{attempts}', ${jobs.attempts}::text), '{max_attempts}', ${jobs.maxAttempts}::text)`;
    const error = sql`jsonb_build_array(${JSON.stringify(reason)}::jsonb || jsonb_build_object('message', ${message}))`;
    // A job whose cancellation was requested before its worker died ends cancelled, as asked.
    const rows = await this.db
      .update(jobs)
      .set({
        status: sql`case when ${jobs.cancelRequested} then 'cancelled' else 'failed' end`,
        errors: sql`case when ${jobs.cancelRequested} then ${jobs.errors} else ${jobs.errors} || ${error} end`,
        workerId: null,
        leaseUntil: null,
        finishedAt: sql`now()`,
      })
      .where(
        and(
          eq(jobs.status, 'running'),
          lt(jobs.leaseUntil, sql`now()`),
          sql`${jobs.attempts} >= ${jobs.maxAttempts}`,
        ),
      )
      .returning({ id: jobs.id });
    return rows.map((row) => row.id);
  }

  async appendEvent(jobId: string, event: JobEvent): Promise<StoredJobEvent> {
    const json = JSON.stringify(event);
    // Bumping the job's counter locks its row until the statement ends, so concurrent appenders
    // queue up there and each gets the next number: unique, gap-free, no retry needed.
    const [row] = await queryRows<{ seq: number; at_ms: string | number }>(
      this.db,
      sql`with next as (
            update ${jobs} set event_seq = event_seq + 1 where id = ${jobId} returning id, event_seq
          )
          insert into ${jobEvents} (job_id, seq, event)
          select id, event_seq, ${json}::jsonb from next
          returning seq, extract(epoch from at) * 1000 as at_ms`,
    );
    if (!row) {
      throw new TestopsError(
        'TESTOPS_INVALID_ARGUMENT',
        'cannot record an event for a job that does not exist',
        {
          where: `job ${jobId}`,
        },
      );
    }
    return {
      jobId,
      seq: Number(row.seq),
      event: JSON.parse(json) as JobEvent,
      at: dateFromEpochMs(row.at_ms),
    };
  }

  async eventsAfter(jobId: string, seq: number, limit = DEFAULT_EVENTS_LIMIT): Promise<StoredJobEvent[]> {
    return this.db
      .select()
      .from(jobEvents)
      .where(and(eq(jobEvents.jobId, jobId), gt(jobEvents.seq, seq)))
      .orderBy(asc(jobEvents.seq))
      .limit(limit);
  }

  async counts(): Promise<Record<JobStatus, number>> {
    const rows = await this.db
      .select({ status: jobs.status, count: sql<number>`count(*)::int` })
      .from(jobs)
      .groupBy(jobs.status);
    const counts = Object.fromEntries(JOB_STATUSES.map((status) => [status, 0])) as Record<JobStatus, number>;
    for (const row of rows) counts[row.status as JobStatus] = Number(row.count);
    return counts;
  }
}

/**
 * Who may take a job: a pending one (new, or handed back by `release`, which a worker that shuts
 * down does whatever the attempts), or a running one whose worker stopped renewing its lease —
 * that one only while attempts remain, so a job that crashes its workers is not run forever
 * (failExhausted ends it). A crashed job with a cancellation request is claimable too: the
 * claimant sees `cancelRequested` and finishes it as cancelled; otherwise it would stay running.
 */
function claimable(now: SQL): SQL {
  return or(
    eq(jobs.status, 'pending'),
    and(eq(jobs.status, 'running'), lt(jobs.leaseUntil, now), lt(jobs.attempts, jobs.maxAttempts)),
  ) as SQL;
}

function heldBy(id: string, workerId: string): SQL {
  return and(eq(jobs.id, id), eq(jobs.status, 'running'), eq(jobs.workerId, workerId)) as SQL;
}

function leaseFromNow(leaseMs: number): SQL {
  return sql`now() + ${Math.max(0, Math.round(leaseMs))}::double precision * interval '1 millisecond'`;
}

/** A caller-given instant (tests, recovery at a known time) or the database's clock. */
function databaseTime(now: Date | undefined): SQL {
  return now ? sql`${now.toISOString()}::timestamptz` : sql`now()`;
}
