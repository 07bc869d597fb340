import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRecord, NewJob } from '../../../src/service/jobs/job.ts';
import { queryRows, type Database } from '../../../src/service/store/database.ts';
import { EmbeddingRepository } from '../../../src/service/store/embedding-repository.ts';
import { SecretBox } from '../../../src/service/store/secret-box.ts';
import { SecretRepository } from '../../../src/service/store/secret-repository.ts';
import { DEFAULT_PROJECT, type Stores, type TestRecord } from '../../../src/service/store/stores.ts';
import type { TriageCluster } from '../../../src/core/triage.ts';

export interface StoreHarness {
  /** Opens the stores under test (once per suite) with the Drizzle handle for raw reads. */
  open(): Promise<{ stores: Stores; db: Database }>;
  expected: { driver: 'pglite' | 'postgres'; vector: boolean };
}

type NewTest = Omit<TestRecord, 'id' | 'projectId' | 'jobId' | 'version' | 'priority' | 'createdAt'>;

/**
 * The behaviour every driver must show. Each test works in a project of its own, so tests do
 * not see each other's rows and the suite can share one database.
 */
export function describeStoreContract(label: string, harness: StoreHarness): void {
  describe(`stores contract on ${label}`, () => {
    let stores: Stores;
    let db: Database;

    beforeAll(async () => {
      ({ stores, db } = await harness.open());
    });

    afterAll(async () => {
      await stores?.close();
    });

    const project = () => `p-${randomUUID().slice(0, 8)}`;
    const newJob = (projectId: string, extra: Partial<NewJob> = {}) =>
      stores.jobs.create({ projectId, kind: 'api-tests', input: { spec: 'inline' }, ...extra });
    const pendingJob = async (extra: Partial<NewJob> = {}) => (await newJob(project(), extra)).job;
    /** Lets a zero-length lease fall behind the database clock. */
    const expire = () => sleep(20);

    it('reports its driver and whether pgvector is on, and answers ping', async () => {
      expect(stores.info).toEqual(harness.expected);
      await expect(stores.ping()).resolves.toBeUndefined();
    });

    describe('projects', () => {
      it('has the default project and creates others on demand', async () => {
        expect(await stores.projects.get(DEFAULT_PROJECT)).toMatchObject({ id: DEFAULT_PROJECT });
        const id = project();
        expect(await stores.projects.get(id)).toBeUndefined();
        const created = await stores.projects.ensure(id, 'Billing');
        expect(created).toMatchObject({ id, name: 'Billing' });
        expect(created.createdAt).toBeInstanceOf(Date);
        expect(await stores.projects.ensure(id, 'Renamed')).toEqual(created);
        expect((await stores.projects.list()).map((p) => p.id)).toEqual(
          expect.arrayContaining([DEFAULT_PROJECT, id]),
        );
      });

      it('creates projects with unique slugs, renames them and deletes them with their rows', async () => {
        const name = `Proj ${randomUUID().slice(0, 8)}`;
        const first = await stores.projects.create({ name });
        const second = await stores.projects.create({ name, description: 'twin' });
        expect(second!.id).toBe(`${first!.id}-2`);
        expect(await stores.projects.create({ name: 'x', id: first!.id })).toBeUndefined();
        const renamed = await stores.projects.update(first!.id, { name: 'Renamed' });
        expect(renamed).toMatchObject({ id: first!.id, name: 'Renamed', description: '' });
        expect(renamed!.updatedAt.getTime()).toBeGreaterThanOrEqual(first!.updatedAt.getTime());
        expect((await stores.projects.list({ ids: [second!.id] })).map((p) => p.id)).toEqual([second!.id]);

        const { job } = await newJob(first!.id);
        expect(await stores.projects.delete(first!.id)).toEqual({
          deleted: false,
          reason: 'active-jobs',
          activeJobs: 1,
        });
        await stores.jobs.requestCancel(job.id);
        await stores.tests.saveForJob(job.id, first!.id, [
          {
            key: 'k',
            kind: 'api',
            status: 'delivered',
            title: 't',
            target: undefined,
            file: undefined,
            document: {},
          },
        ]);
        expect(await stores.projects.delete(first!.id)).toEqual({
          deleted: true,
          jobs: 1,
          chats: 0,
          revokedKeys: 0,
        });
        expect(await stores.projects.get(first!.id)).toBeUndefined();
        expect(await stores.projects.delete(first!.id)).toEqual({ deleted: false, reason: 'not-found' });
        expect(await stores.projects.delete(DEFAULT_PROJECT)).toEqual({ deleted: false, reason: 'default' });
      });

      it('creates the project when the first job arrives for it', async () => {
        const id = project();
        await newJob(id);
        expect(await stores.projects.get(id)).toMatchObject({ id, name: id });
      });
    });

    describe('project behaviours', () => {
      it('keeps one behaviour per project, replaced by the next put, gone with its project', async () => {
        const id = project();
        expect(await stores.behaviors.get(id)).toBeUndefined();
        const first = await stores.behaviors.put(id, 'name: first', 'key:k1');
        expect(first).toMatchObject({ projectId: id, yaml: 'name: first', updatedBy: 'key:k1' });
        expect(await stores.projects.get(id)).toMatchObject({ id });
        const second = await stores.behaviors.put(id, 'name: second', 'key:k2');
        expect(second.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
        expect(await stores.behaviors.get(id)).toMatchObject({ yaml: 'name: second', updatedBy: 'key:k2' });
        expect(await stores.behaviors.get(project())).toBeUndefined();
        expect(await stores.behaviors.remove(id)).toBe(true);
        expect(await stores.behaviors.remove(id)).toBe(false);
        await stores.behaviors.put(id, 'name: third', 'key:k1');
        await db.execute(sql`DELETE FROM projects WHERE id = ${id}`);
        expect(await stores.behaviors.get(id)).toBeUndefined();
      });
    });

    describe('chats', () => {
      it('keeps a message tree per chat: branches, siblings, latest, and refuses foreign parents', async () => {
        const projectId = (await stores.projects.ensure(project())).id;
        const chat = await stores.chats.create(projectId, 'First');
        const other = await stores.chats.create(projectId, 'Other');
        const question = await stores.chats.append({ chatId: chat.id, role: 'user', content: 'hi' });
        const reply = await stores.chats.append({
          chatId: chat.id,
          parentId: question!.id,
          role: 'assistant',
          content: 'hello',
          model: 'm',
          inputTokens: 3,
          outputTokens: 2,
          latencyMs: 40,
          finishReason: 'stop',
          traceId: 'a'.repeat(32),
          spanId: 'b'.repeat(16),
          toolCalls: [{ id: 't1', name: 'status', input: {}, output: { ok: true } }],
        });
        expect(reply).toMatchObject({ projectId, parentId: question!.id, model: 'm', inputTokens: 3 });
        const regenerated = await stores.chats.append({
          chatId: chat.id,
          parentId: question!.id,
          role: 'assistant',
          content: 'hello again',
          error: { code: 'TESTOPS_LLM_TIMEOUT', message: 'slow' },
          finishReason: 'error',
        });
        expect((await stores.chats.branch(reply!.id)).map((m) => m.content)).toEqual(['hi', 'hello']);
        expect((await stores.chats.branch(regenerated!.id)).map((m) => m.content)).toEqual([
          'hi',
          'hello again',
        ]);
        expect((await stores.chats.latest(chat.id))!.id).toBe(regenerated!.id);
        expect(await stores.chats.message(reply!.id)).toEqual(reply);
        expect(
          await stores.chats.append({ chatId: other.id, parentId: question!.id, role: 'user', content: 'x' }),
        ).toBeUndefined();
        expect(
          await stores.chats.append({ chatId: randomUUID(), role: 'user', content: 'x' }),
        ).toBeUndefined();

        expect((await stores.chats.list(projectId, { limit: 10, offset: 0 }))[0]!.id).toBe(chat.id);
        expect(await stores.chats.rename(chat.id, 'Renamed')).toMatchObject({ title: 'Renamed' });
        expect(await stores.chats.delete(chat.id)).toBe(true);
        expect(await stores.chats.message(reply!.id)).toBeUndefined();
        expect(await stores.chats.delete(chat.id)).toBe(false);
      });

      it('pages the history by cursor, filtered by chat and by trace id', async () => {
        const projectId = (await stores.projects.ensure(project())).id;
        const chat = await stores.chats.create(projectId, 'c');
        const second = await stores.chats.create(projectId, 's');
        let parentId: string | undefined;
        for (let i = 0; i < 5; i++) {
          const message = await stores.chats.append({
            chatId: chat.id,
            role: i % 2 ? 'assistant' : 'user',
            content: `m${i}`,
            traceId: i < 2 ? 'trace-a' : 'trace-b',
            ...(parentId ? { parentId } : {}),
          });
          parentId = message!.id;
        }
        await stores.chats.append({
          chatId: second.id,
          role: 'user',
          content: 'elsewhere',
          traceId: 'trace-a',
        });
        const first = await stores.chats.history({ projectId, order: 'desc', limit: 4 });
        expect(first.items.map((m) => m.content)).toEqual(['elsewhere', 'm4', 'm3', 'm2']);
        const next = await stores.chats.history({
          projectId,
          order: 'desc',
          limit: 4,
          cursor: first.nextCursor!,
        });
        expect(next.items.map((m) => m.content)).toEqual(['m1', 'm0']);
        expect(next.nextCursor).toBeUndefined();
        const byChat = await stores.chats.history({ projectId, chatId: chat.id, order: 'asc', limit: 2 });
        expect(byChat.items.map((m) => m.content)).toEqual(['m0', 'm1']);
        const byTrace = await stores.chats.history({
          projectId,
          traceId: 'trace-a',
          order: 'asc',
          limit: 10,
        });
        expect(byTrace.items.map((m) => m.content)).toEqual(['m0', 'm1', 'elsewhere']);
        const otherProject = await stores.chats.history({ projectId: project(), order: 'asc', limit: 10 });
        expect(otherProject.items).toEqual([]);
      });
    });

    describe('jobs', () => {
      it('creates a pending job with every field in place', async () => {
        const projectId = project();
        const { job, created } = await newJob(projectId, { maxAttempts: 5 });
        expect(created).toBe(true);
        expect(job).toMatchObject({
          projectId,
          kind: 'api-tests',
          status: 'pending',
          input: { spec: 'inline' },
          progress: { percent: 0 },
          summary: undefined,
          errors: [],
          attempts: 0,
          maxAttempts: 5,
          idempotencyKey: undefined,
          cancelRequested: false,
          workerId: undefined,
          leaseUntil: undefined,
          startedAt: undefined,
          finishedAt: undefined,
        });
        expect(job.createdAt).toBeInstanceOf(Date);
        expect(await stores.jobs.get(job.id)).toEqual(job);
        expect(await stores.jobs.get('no-such-job')).toBeUndefined();
      });

      it('returns the same job for an idempotency key reused in a project, a new one elsewhere', async () => {
        const projectId = project();
        const first = await newJob(projectId, { idempotencyKey: 'req-1' });
        const again = await newJob(projectId, { idempotencyKey: 'req-1', input: { other: true } });
        expect(again.created).toBe(false);
        expect(again.job.id).toBe(first.job.id);
        expect(again.job.input).toEqual({ spec: 'inline' });
        const concurrent = await Promise.all(
          [1, 2, 3].map(() => newJob(projectId, { idempotencyKey: 'req-2' })),
        );
        expect(new Set(concurrent.map((result) => result.job.id)).size).toBe(1);
        expect(concurrent.filter((result) => result.created)).toHaveLength(1);
        const elsewhere = await newJob(project(), { idempotencyKey: 'req-1' });
        expect(elsewhere.created).toBe(true);
        expect(elsewhere.job.id).not.toBe(first.job.id);
      });

      it('refuses a maxAttempts below one', async () => {
        await expect(newJob(project(), { maxAttempts: 0 })).rejects.toMatchObject({
          code: 'TESTOPS_INVALID_ARGUMENT',
        });
      });

      it('claims a pending job once: running, one attempt, leased to the worker', async () => {
        const job = await pendingJob();
        const claimed = await stores.jobs.claim(job.id, 'worker-a', 60_000);
        expect(claimed).toMatchObject({ status: 'running', attempts: 1, workerId: 'worker-a' });
        expect(claimed!.startedAt).toBeInstanceOf(Date);
        expect(claimed!.leaseUntil!.getTime()).toBeGreaterThan(Date.now() + 30_000);
        expect(await stores.jobs.claim(job.id, 'worker-b', 60_000)).toBeUndefined();
        expect(await stores.jobs.claim('no-such-job', 'worker-b', 60_000)).toBeUndefined();
      });

      it('lets exactly one of several concurrent claims win', async () => {
        const job = await pendingJob();
        const results = await Promise.all(
          ['w1', 'w2', 'w3', 'w4'].map((worker) => stores.jobs.claim(job.id, worker, 60_000)),
        );
        const winners = results.filter((result): result is JobRecord => result !== undefined);
        expect(winners).toHaveLength(1);
        expect((await stores.jobs.get(job.id))!.workerId).toBe(winners[0]!.workerId);
      });

      it('reclaims a job whose lease expired, and refuses the old holder afterwards', async () => {
        const job = await pendingJob();
        await stores.jobs.claim(job.id, 'crashed', 0);
        await expire();
        expect((await stores.jobs.listInterrupted()).map((j) => j.id)).toContain(job.id);
        expect(await stores.jobs.listClaimable(10_000)).toContain(job.id);
        const reclaimed = await stores.jobs.claim(job.id, 'rescuer', 60_000);
        expect(reclaimed).toMatchObject({ status: 'running', attempts: 2, workerId: 'rescuer' });
        expect((await stores.jobs.listInterrupted()).map((j) => j.id)).not.toContain(job.id);
        expect(await stores.jobs.renewLease(job.id, 'crashed', 60_000)).toBe(false);
        expect(await stores.jobs.finish(job.id, 'crashed', { status: 'completed', summary: {} })).toBe(false);
        expect(await stores.jobs.release(job.id, 'crashed', { code: 'X', message: 'x' })).toBe(false);
        expect(await stores.jobs.finish(job.id, 'rescuer', { status: 'completed', summary: { ok: 1 } })).toBe(
          true,
        );
      });

      it('does not hand out a live lease, and judges expiry at the instant given', async () => {
        const job = await pendingJob();
        await stores.jobs.claim(job.id, 'busy', 60_000);
        expect(await stores.jobs.listClaimable(10_000)).not.toContain(job.id);
        expect(await stores.jobs.claim(job.id, 'other', 60_000)).toBeUndefined();
        const later = new Date(Date.now() + 120_000);
        expect(await stores.jobs.listClaimable(10_000, later)).toContain(job.id);
        expect((await stores.jobs.listInterrupted(later)).map((j) => j.id)).toContain(job.id);
      });

      it('lists claimable jobs oldest first', async () => {
        const first = await pendingJob();
        const second = await pendingJob();
        const ids = await stores.jobs.listClaimable(10_000);
        expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
        expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
      });

      it('renews the lease of the holder only, and not once cancellation is requested', async () => {
        const job = await pendingJob();
        const claimed = await stores.jobs.claim(job.id, 'holder', 1_000);
        expect(await stores.jobs.renewLease(job.id, 'holder', 600_000)).toBe(true);
        const renewed = await stores.jobs.get(job.id);
        expect(renewed!.leaseUntil!.getTime()).toBeGreaterThan(claimed!.leaseUntil!.getTime() + 500_000);
        expect(await stores.jobs.renewLease(job.id, 'stranger', 600_000)).toBe(false);
        await stores.jobs.requestCancel(job.id);
        expect(await stores.jobs.renewLease(job.id, 'holder', 600_000)).toBe(false);
      });

      it('records progress while running', async () => {
        const job = await pendingJob();
        await stores.jobs.claim(job.id, 'w', 60_000);
        await stores.jobs.setProgress(job.id, { percent: 42, stage: 'generate' });
        expect((await stores.jobs.get(job.id))!.progress).toEqual({ percent: 42, stage: 'generate' });
      });

      it('finishes only by the holder, once, with summary and errors', async () => {
        const job = await pendingJob();
        expect(await stores.jobs.finish(job.id, 'w', { status: 'completed', summary: {} })).toBe(false);
        await stores.jobs.claim(job.id, 'w', 60_000);
        expect(await stores.jobs.finish(job.id, 'intruder', { status: 'completed', summary: {} })).toBe(
          false,
        );
        const errors = [{ code: 'TESTOPS_OPERATION_INVALID', message: 'skipped', where: '/paths/~1a' }];
        expect(
          await stores.jobs.finish(job.id, 'w', { status: 'completed', summary: { tests: 3 }, errors }),
        ).toBe(true);
        const done = await stores.jobs.get(job.id);
        expect(done).toMatchObject({
          status: 'completed',
          summary: { tests: 3 },
          errors,
          leaseUntil: undefined,
        });
        expect(done!.finishedAt).toBeInstanceOf(Date);
        expect(await stores.jobs.finish(job.id, 'w', { status: 'failed', errors: [] })).toBe(false);
        expect((await stores.jobs.get(job.id))!.status).toBe('completed');
      });

      it('releases a held job back to pending with the error, ready for another attempt', async () => {
        const job = await pendingJob();
        await stores.jobs.claim(job.id, 'w', 60_000);
        const error = { code: 'ECONNRESET', message: 'the target hung up' };
        expect(await stores.jobs.release(job.id, 'w', error)).toBe(true);
        const released = await stores.jobs.get(job.id);
        expect(released).toMatchObject({
          status: 'pending',
          workerId: undefined,
          leaseUntil: undefined,
          attempts: 1,
        });
        expect(released!.errors).toEqual([error]);
        expect(await stores.jobs.listClaimable(10_000)).toContain(job.id);
        expect(await stores.jobs.claim(job.id, 'w2', 60_000)).toMatchObject({ attempts: 2 });
      });

      it('cancels a pending job at once and asks a running one to stop', async () => {
        const pending = await pendingJob();
        const cancelled = await stores.jobs.requestCancel(pending.id);
        expect(cancelled).toMatchObject({ status: 'cancelled' });
        expect(cancelled!.finishedAt).toBeInstanceOf(Date);
        expect(await stores.jobs.claim(pending.id, 'w', 60_000)).toBeUndefined();

        const running = await pendingJob();
        await stores.jobs.claim(running.id, 'w', 60_000);
        expect(await stores.jobs.requestCancel(running.id)).toMatchObject({
          status: 'running',
          cancelRequested: true,
        });
        expect(await stores.jobs.finish(running.id, 'w', { status: 'cancelled' })).toBe(true);
        expect(await stores.jobs.get(running.id)).toMatchObject({ status: 'cancelled' });

        expect(await stores.jobs.requestCancel(running.id)).toMatchObject({ status: 'cancelled' });
        expect(await stores.jobs.requestCancel('no-such-job')).toBeUndefined();
      });

      it('leaves a finished job as it is when asked to cancel it', async () => {
        const job = await pendingJob();
        await stores.jobs.claim(job.id, 'w', 60_000);
        await stores.jobs.finish(job.id, 'w', { status: 'completed', summary: {} });
        expect(await stores.jobs.requestCancel(job.id)).toMatchObject({
          status: 'completed',
          cancelRequested: false,
        });
      });

      it('lets a rescuer claim a crashed job that was asked to cancel, to finish it as cancelled', async () => {
        const job = await pendingJob();
        await stores.jobs.claim(job.id, 'crashed', 0);
        await stores.jobs.requestCancel(job.id);
        await expire();
        const claimed = await stores.jobs.claim(job.id, 'rescuer', 60_000);
        expect(claimed).toMatchObject({ cancelRequested: true, workerId: 'rescuer' });
        expect(await stores.jobs.finish(job.id, 'rescuer', { status: 'cancelled' })).toBe(true);
      });

      it('retries failed and cancelled jobs with a fresh budget, nothing else', async () => {
        const job = await pendingJob();
        await stores.jobs.claim(job.id, 'w', 60_000);
        await stores.jobs.finish(job.id, 'w', { status: 'failed', errors: [{ code: 'E', message: 'boom' }] });
        const retried = await stores.jobs.retry(job.id);
        expect(retried).toMatchObject({
          status: 'pending',
          attempts: 0,
          cancelRequested: false,
          errors: [],
          finishedAt: undefined,
        });
        expect(await stores.jobs.claim(job.id, 'w', 60_000)).toMatchObject({ attempts: 1 });
        expect(await stores.jobs.retry(job.id)).toBeUndefined(); // running

        const cancelled = await pendingJob();
        await stores.jobs.requestCancel(cancelled.id);
        expect(await stores.jobs.retry(cancelled.id)).toMatchObject({ status: 'pending' });

        const completed = await pendingJob();
        await stores.jobs.claim(completed.id, 'w', 60_000);
        await stores.jobs.finish(completed.id, 'w', { status: 'completed', summary: {} });
        expect(await stores.jobs.retry(completed.id)).toBeUndefined();
        expect(await stores.jobs.retry('no-such-job')).toBeUndefined();
      });

      it('fails interrupted jobs without attempts left instead of letting them be claimed', async () => {
        const exhausted = await pendingJob({ maxAttempts: 1 });
        const withBudget = await pendingJob({ maxAttempts: 2 });
        const cancelAsked = await pendingJob({ maxAttempts: 1 });
        for (const job of [exhausted, withBudget, cancelAsked]) await stores.jobs.claim(job.id, 'crashed', 0);
        await stores.jobs.requestCancel(cancelAsked.id);
        await expire();
        expect(await stores.jobs.listClaimable(10_000)).not.toContain(exhausted.id);
        expect(await stores.jobs.claim(exhausted.id, 'w', 60_000)).toBeUndefined();

        const reason = {
          code: 'TESTOPS_JOB_ATTEMPTS_EXHAUSTED',
          message: 'no attempts left ({attempts} of {max_attempts} used)',
        };
        const failed = await stores.jobs.failExhausted(reason);
        expect(failed).toEqual(expect.arrayContaining([exhausted.id, cancelAsked.id]));
        expect(failed).not.toContain(withBudget.id);
        const job = await stores.jobs.get(exhausted.id);
        expect(job).toMatchObject({
          status: 'failed',
          errors: [{ code: reason.code, message: 'no attempts left (1 of 1 used)' }],
          leaseUntil: undefined,
        });
        expect(await stores.jobs.get(cancelAsked.id)).toMatchObject({ status: 'cancelled' });
        expect(await stores.jobs.get(withBudget.id)).toMatchObject({ status: 'running' });
        expect(await stores.jobs.failExhausted(reason)).not.toContain(exhausted.id);
      });

      it('lists jobs by project and status, newest first, in pages', async () => {
        const projectId = project();
        const created: JobRecord[] = [];
        for (let index = 0; index < 5; index++) {
          created.push((await newJob(projectId)).job);
          // Jobs created within one tick of the database's clock tie on created_at (then the
          // order is by id, which is random): a few milliseconds apart, "newest first" is exact.
          await new Promise((resolve) => setTimeout(resolve, 3));
        }
        await stores.jobs.claim(created[0]!.id, 'w', 60_000);
        const all = await stores.jobs.list({ projectId });
        expect(all.map((job) => job.id)).toEqual(created.map((job) => job.id).reverse());
        const page = await stores.jobs.list({ projectId, limit: 2, offset: 1 });
        expect(page.map((job) => job.id)).toEqual([created[3]!.id, created[2]!.id]);
        expect((await stores.jobs.list({ projectId, status: 'running' })).map((job) => job.id)).toEqual([
          created[0]!.id,
        ]);
      });

      it('counts jobs by status', async () => {
        const before = await stores.jobs.counts();
        const job = await pendingJob();
        await pendingJob();
        await stores.jobs.claim(job.id, 'w', 60_000);
        const after = await stores.jobs.counts();
        expect(Object.keys(after).sort()).toEqual(['cancelled', 'completed', 'failed', 'pending', 'running']);
        // Other tests run before this one, never concurrently with it.
        expect(after.running - before.running).toBe(1);
        expect(after.pending - before.pending).toBe(1);
      });
    });

    describe('job events', () => {
      it('numbers concurrent appends 1, 2, 3… without gaps or repeats', async () => {
        const job = await pendingJob();
        const stored = await Promise.all(
          Array.from({ length: 25 }, (_, index) =>
            stores.jobs.appendEvent(job.id, { type: 'progress', percent: index, stage: `s${index}` }),
          ),
        );
        expect(stored.map((event) => event.seq).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 25 }, (_, index) => index + 1),
        );
        expect(stored[0]!.at).toBeInstanceOf(Date);
        const replay = await stores.jobs.eventsAfter(job.id, 0);
        expect(replay.map((event) => event.seq)).toEqual(
          stored.map((event) => event.seq).sort((a, b) => a - b),
        );
        for (const event of replay) {
          expect(event.event).toEqual(stored.find((s) => s.seq === event.seq)!.event);
        }
      });

      it('replays events after a sequence number, in order and bounded', async () => {
        const job = await pendingJob();
        for (let index = 1; index <= 6; index++) {
          await stores.jobs.appendEvent(job.id, { type: 'progress', percent: index * 10, stage: undefined });
        }
        await stores.jobs.appendEvent(job.id, { type: 'status', status: 'completed', summary: { a: 1 } });
        const after = await stores.jobs.eventsAfter(job.id, 4);
        expect(after.map((event) => event.seq)).toEqual([5, 6, 7]);
        expect(after[2]).toMatchObject({
          jobId: job.id,
          event: { type: 'status', status: 'completed', summary: { a: 1 } },
        });
        expect((await stores.jobs.eventsAfter(job.id, 0, 2)).map((event) => event.seq)).toEqual([1, 2]);
        expect(await stores.jobs.eventsAfter(job.id, 7)).toEqual([]);
      });

      it('refuses events for a job that does not exist', async () => {
        await expect(
          stores.jobs.appendEvent('no-such-job', { type: 'progress', percent: 1, stage: undefined }),
        ).rejects.toMatchObject({ code: 'TESTOPS_INVALID_ARGUMENT' });
      });
    });

    describe('tests', () => {
      const draft = (key: string, extra: Partial<NewTest> = {}): NewTest => ({
        key,
        kind: 'api',
        status: 'delivered',
        title: `test ${key}`,
        target: 'GET /vms',
        file: 'tests/vms.spec.ts',
        document: { steps: [key] },
        ...extra,
      });

      it('saves a job’s tests once, however often the job saves them', async () => {
        const projectId = project();
        const { job } = await newJob(projectId);
        expect(await stores.tests.saveForJob(job.id, projectId, [draft('a'), draft('b')])).toBe(2);
        expect(await stores.tests.saveForJob(job.id, projectId, [draft('a'), draft('b')])).toBe(0);
        expect(await stores.tests.saveForJob(job.id, projectId, [draft('b'), draft('c')])).toBe(1);
        expect(await stores.tests.saveForJob(job.id, projectId, [])).toBe(0);
        const { items, total } = await stores.tests.list({ jobId: job.id, limit: 10, offset: 0 });
        expect(total).toBe(3);
        // Newest first, then by key: `c` came in a later save.
        expect(items.map((test) => [test.key, test.version])).toEqual([
          ['c', 1],
          ['a', 1],
          ['b', 1],
        ]);
        const stored = await stores.tests.get(items.find((test) => test.key === 'a')!.id);
        expect(stored).toMatchObject({ ...draft('a'), projectId, jobId: job.id, version: 1 });
        expect(stored!.createdAt).toBeInstanceOf(Date);
        expect(await stores.tests.get('no-such-test')).toBeUndefined();
      });

      it('adds a version when a later job regenerates a test', async () => {
        const projectId = project();
        const first = (await newJob(projectId)).job;
        const second = (await newJob(projectId)).job;
        const third = (await newJob(projectId)).job;
        await stores.tests.saveForJob(first.id, projectId, [draft('a'), draft('b', { target: undefined })]);
        await stores.tests.saveForJob(second.id, projectId, [draft('a', { status: 'flaky' })]);
        await stores.tests.saveForJob(third.id, projectId, [draft('a'), draft('new')]);
        await stores.tests.saveForJob(second.id, projectId, [draft('a')]); // a retried attempt
        const versions = async (jobId: string) =>
          (await stores.tests.list({ jobId, limit: 10, offset: 0 })).items.map((t) => [t.key, t.version]);
        expect(await versions(first.id)).toEqual([
          ['a', 1],
          ['b', 1],
        ]);
        expect(await versions(second.id)).toEqual([['a', 2]]);
        expect(await versions(third.id)).toEqual([
          ['a', 3],
          ['new', 1],
        ]);
        // Another project's key of the same name is a different test.
        const otherProject = project();
        const other = (await newJob(otherProject)).job;
        await stores.tests.saveForJob(other.id, otherProject, [draft('a')]);
        expect(await versions(other.id)).toEqual([['a', 1]]);
      });

      it('gives concurrent jobs distinct versions of one test', async () => {
        const projectId = project();
        const jobs = await Promise.all([1, 2, 3].map(async () => (await newJob(projectId)).job));
        await Promise.all(jobs.map((job) => stores.tests.saveForJob(job.id, projectId, [draft('shared')])));
        const { items } = await stores.tests.list({ projectId, limit: 10, offset: 0 });
        expect(items.map((test) => test.version).sort()).toEqual([1, 2, 3]);
      });

      it('filters by project, kind, status and text, with pages and a total', async () => {
        const projectId = project();
        const { job } = await newJob(projectId);
        await stores.tests.saveForJob(job.id, projectId, [
          draft('api-1', { title: 'Creates a VM', target: 'POST /vms', document: { priority: 'critical' } }),
          draft('api-2', {
            title: 'Lists VMs',
            target: 'GET /vms',
            status: 'defect',
            document: { priority: 'low' },
          }),
          draft('api-3', { title: 'Deletes a disk', target: 'DELETE /disks/{id}' }),
          draft('ui-1', { kind: 'ui', title: 'Configure page loads', target: '/configure' }),
          draft('man-1', {
            kind: 'manual',
            title: '100% discount applies',
            target: undefined,
            status: 'unverified',
            // Manual cases spell priorities as Allure TestOps does.
            document: { priority: 'CRITICAL' },
          }),
        ]);
        const otherProject = project();
        const other = (await newJob(otherProject)).job;
        await stores.tests.saveForJob(other.id, otherProject, [draft('api-1', { title: 'Creates a VM' })]);

        const keys = async (filter: Partial<Parameters<Stores['tests']['list']>[0]>) => {
          const result = await stores.tests.list({ projectId, limit: 50, offset: 0, ...filter });
          return { keys: result.items.map((test) => test.key), total: result.total };
        };
        expect((await keys({})).total).toBe(5);
        expect(await keys({ kind: 'api' })).toEqual({ keys: ['api-1', 'api-2', 'api-3'], total: 3 });
        expect(await keys({ status: 'defect' })).toEqual({ keys: ['api-2'], total: 1 });
        expect(await keys({ priority: 'critical' })).toEqual({ keys: ['api-1', 'man-1'], total: 2 });
        expect(await keys({ priority: 'low', kind: 'api' })).toEqual({ keys: ['api-2'], total: 1 });
        const listed = (await stores.tests.list({ projectId, limit: 50, offset: 0 })).items;
        expect(Object.fromEntries(listed.map((test) => [test.key, test.priority]))).toEqual({
          'api-1': 'critical',
          'api-2': 'low',
          'api-3': undefined,
          'ui-1': undefined,
          'man-1': 'critical',
        });
        expect(await keys({ text: 'vm' })).toEqual({ keys: ['api-1', 'api-2'], total: 2 });
        expect(await keys({ text: 'DISKS/{' })).toEqual({ keys: ['api-3'], total: 1 });
        expect(await keys({ text: '100%' })).toEqual({ keys: ['man-1'], total: 1 });
        expect(await keys({ text: '%' })).toEqual({ keys: ['man-1'], total: 1 });
        expect(await keys({ text: 'configure', kind: 'ui' })).toEqual({ keys: ['ui-1'], total: 1 });
        expect(await keys({ kind: 'api', limit: 2, offset: 1 })).toEqual({
          keys: ['api-2', 'api-3'],
          total: 3,
        });
        expect(await keys({ kind: 'api', limit: 2, offset: 4 })).toEqual({ keys: [], total: 3 });
        expect(
          (await stores.tests.list({ text: 'Creates a VM', limit: 50, offset: 0 })).total,
        ).toBeGreaterThan(1);
      });
    });

    describe('sources', () => {
      it('stores a document once per project and kind, by digest', async () => {
        const projectId = project();
        const content = 'openapi: 3.0.0\ninfo: {title: x, version: "1"}\npaths: {}\n';
        const first = await stores.sources.save({ projectId, kind: 'openapi', origin: 'spec.yaml', content });
        expect(first.digest).toMatch(/^[0-9a-f]{64}$/);
        const again = await stores.sources.save({ projectId, kind: 'openapi', origin: 'inline', content });
        expect(again).toEqual(first);
        const otherKind = await stores.sources.save({
          projectId,
          kind: 'requirements',
          origin: 'inline',
          content,
        });
        expect(otherKind.id).not.toBe(first.id);
        const otherProject = await stores.sources.save({
          projectId: project(),
          kind: 'openapi',
          origin: 'x',
          content,
        });
        expect(otherProject.id).not.toBe(first.id);
        expect(await stores.sources.get(first.id)).toEqual(first);
        expect(await stores.sources.get('no-such-source')).toBeUndefined();
      });
    });

    describe('artifacts', () => {
      it('replaces a job’s files, bytes intact', async () => {
        const job = await pendingJob();
        const binary = randomBytes(2048);
        await stores.artifacts.replaceForJob(job.id, [
          { path: 'tests/a.spec.ts', content: Buffer.from('test("a")') },
          { path: 'evidence/shot.png', content: binary },
        ]);
        const first = await stores.artifacts.listForJob(job.id);
        expect(first.map((artifact) => artifact.path)).toEqual(['evidence/shot.png', 'tests/a.spec.ts']);
        expect(Buffer.isBuffer(first[0]!.content)).toBe(true);
        expect(first[0]!.content.equals(binary)).toBe(true);

        await stores.artifacts.replaceForJob(job.id, [
          { path: 'tests/a.spec.ts', content: Buffer.from('test("a2")') },
          { path: 'empty.txt', content: Buffer.alloc(0) },
        ]);
        const second = await stores.artifacts.listForJob(job.id);
        expect(second.map((artifact) => [artifact.path, artifact.content.toString()])).toEqual([
          ['empty.txt', ''],
          ['tests/a.spec.ts', 'test("a2")'],
        ]);
        await stores.artifacts.replaceForJob(job.id, []);
        expect(await stores.artifacts.listForJob(job.id)).toEqual([]);
      });

      it('survives two attempts replacing at once', async () => {
        const job = await pendingJob();
        const files = (tag: string) =>
          Array.from({ length: 20 }, (_, index) => ({ path: `f${index}.txt`, content: Buffer.from(tag) }));
        await Promise.all([
          stores.artifacts.replaceForJob(job.id, files('one')),
          stores.artifacts.replaceForJob(job.id, files('two')),
        ]);
        const stored = await stores.artifacts.listForJob(job.id);
        expect(stored).toHaveLength(20);
        expect(new Set(stored.map((artifact) => artifact.content.toString())).size).toBe(1);
      });
    });

    describe('reports', () => {
      it('keeps one report per job with its run results, replaced on a retry', async () => {
        const job = await pendingJob();
        expect(await stores.reports.getForJob(job.id)).toBeUndefined();
        await stores.reports.saveForJob(job.id, 'run', { passed: 1 }, [
          {
            jobId: job.id,
            test: 'creates a VM',
            verdict: 'delivered',
            passes: 3,
            runs: 3,
            evidence: undefined,
          },
          {
            jobId: job.id,
            test: 'lists VMs',
            verdict: 'flaky',
            passes: 2,
            runs: 3,
            evidence: { curl: 'curl -X GET http://x/vms', status: [200, 500, 200] },
          },
        ]);
        expect(await stores.reports.getForJob(job.id)).toEqual({ kind: 'run', report: { passed: 1 } });
        await stores.reports.saveForJob(job.id, 'run', { passed: 2 }, [
          {
            jobId: job.id,
            test: 'lists VMs',
            verdict: 'delivered',
            passes: 3,
            runs: 3,
            evidence: { ok: true },
          },
        ]);
        expect(await stores.reports.getForJob(job.id)).toEqual({ kind: 'run', report: { passed: 2 } });
        const results = await queryRows<{ test: string; evidence: unknown }>(
          db,
          sql`select test, evidence from run_results where job_id = ${job.id} order by ordinal`,
        );
        expect(results).toEqual([{ test: 'lists VMs', evidence: { ok: true } }]);
      });
    });

    describe('api keys', () => {
      it('shows a key once, stores only its hash, verifies and revokes it', async () => {
        const projectId = project();
        const { key, record } = await stores.keys.create(projectId, 'ci');
        expect(key).toMatch(/^tok_[A-Za-z0-9_-]{43}$/);
        expect(record).toMatchObject({ projectId, name: 'ci', revokedAt: undefined, lastUsedAt: undefined });
        expect(key.startsWith(record.prefix)).toBe(true);
        expect(record.prefix.length).toBeLessThan(16);

        const [row] = await queryRows<Record<string, unknown>>(
          db,
          sql`select * from api_keys where id = ${record.id}`,
        );
        expect(JSON.stringify(row)).not.toContain(key.slice(record.prefix.length));
        expect(row!['hash']).toMatch(/^[0-9a-f]{64}$/);

        const verified = await stores.keys.verify(key);
        expect(verified).toMatchObject({ id: record.id, projectId });
        expect(verified!.lastUsedAt).toBeInstanceOf(Date);
        expect(
          await stores.keys.verify(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`),
        ).toBeUndefined();
        expect(await stores.keys.verify('tok_short')).toBeUndefined();
        expect(await stores.keys.verify('')).toBeUndefined();

        expect(await stores.keys.revoke(record.id)).toBe(true);
        expect(await stores.keys.verify(key)).toBeUndefined();
        expect(await stores.keys.revoke(record.id)).toBe(false);
        expect(await stores.keys.revoke('no-such-key')).toBe(false);
        const [listed] = await stores.keys.list(projectId);
        expect(listed!.revokedAt).toBeInstanceOf(Date);
      });

      it('lists keys per project, or all of them', async () => {
        const projectId = project();
        // Made one after another, often within one millisecond: listed in the order they were made.
        const names = ['one', 'two', 'three', 'four', 'five', 'six'];
        for (const name of names) await stores.keys.create(projectId, name);
        const admin = await stores.keys.create('*', 'admin');
        expect((await stores.keys.list(projectId)).map((key) => key.name)).toEqual(names);
        expect((await stores.keys.list()).map((key) => key.id)).toContain(admin.record.id);
        expect((await stores.keys.verify(admin.key))!.projectId).toBe('*');
      });
    });

    describe('secrets', () => {
      it('stores secrets encrypted, by name, per project', async () => {
        const projectId = project();
        const value = `s3cr3t-${randomUUID()}`;
        await stores.secrets.put(projectId, 'TARGET_TOKEN', value);
        await stores.secrets.put(projectId, 'LLM_KEY', 'other');
        expect(await stores.secrets.get(projectId, 'TARGET_TOKEN')).toBe(value);
        expect(await stores.secrets.get(project(), 'TARGET_TOKEN')).toBeUndefined();
        expect(await stores.secrets.list(projectId)).toEqual(['LLM_KEY', 'TARGET_TOKEN']);

        const rows = await queryRows<Record<string, unknown>>(
          db,
          sql`select * from secrets where project_id = ${projectId} and name = 'TARGET_TOKEN'`,
        );
        expect(rows).toHaveLength(1);
        const raw = Object.values(rows[0]!)
          .map((column) =>
            column instanceof Uint8Array ? Buffer.from(column).toString('latin1') : String(column),
          )
          .join('|');
        expect(raw).not.toContain(value);
        expect(raw).not.toContain('s3cr3t');

        await stores.secrets.put(projectId, 'TARGET_TOKEN', 'rotated');
        expect(await stores.secrets.get(projectId, 'TARGET_TOKEN')).toBe('rotated');
        expect(await stores.secrets.delete(projectId, 'TARGET_TOKEN')).toBe(true);
        expect(await stores.secrets.delete(projectId, 'TARGET_TOKEN')).toBe(false);
        expect(await stores.secrets.list(projectId)).toEqual(['LLM_KEY']);
      });

      it('says clearly when the key is not the one that encrypted a secret', async () => {
        const projectId = project();
        await stores.secrets.put(projectId, 'TOKEN', 'value');
        const otherKey = new SecretRepository(db, new SecretBox(randomBytes(32)));
        const failure = await otherKey.get(projectId, 'TOKEN').catch((error: unknown) => error);
        expect(failure).toMatchObject({ code: 'TESTOPS_SECRET_UNREADABLE' });
        expect(String((failure as Error).message)).toMatch(/TOKEN.*\n.*secret key/s);
      });

      it('refuses a ciphertext copied onto another project’s row', async () => {
        const source = project();
        const target = project();
        await stores.secrets.put(source, 'TOKEN', 'for source only');
        await stores.secrets.put(target, 'TOKEN', 'placeholder');
        await db.execute(
          sql`update secrets set (ciphertext, iv, tag) =
                (select ciphertext, iv, tag from secrets where project_id = ${source} and name = 'TOKEN')
              where project_id = ${target} and name = 'TOKEN'`,
        );
        await expect(stores.secrets.get(target, 'TOKEN')).rejects.toMatchObject({
          code: 'TESTOPS_SECRET_UNREADABLE',
        });
      });
    });

    describe('triage memory', () => {
      const cluster = (id: string, signature: string, extra: Partial<TriageCluster> = {}): TriageCluster => ({
        id,
        signature,
        title: `title of ${id}`,
        class: 'product-defect',
        decidedBy: 'rules',
        reasons: ['a reason'],
        nextAction: 'open-defect',
        count: 2,
        failures: [],
        recognised: undefined,
        ...extra,
      });

      it('remembers each cluster once per run, with its history, and recalls it by id or nearest vector', async () => {
        const projectId = project();
        const first = cluster('a1a1a1a1a1a1a1a1', 'product-defect|status 500');
        await stores.triage.remember(projectId, 'run-1', [{ cluster: first, vector: [1, 0, 0] }]);
        await stores.triage.remember(projectId, 'run-1', [{ cluster: first, vector: [1, 0, 0] }]);
        await stores.triage.remember(projectId, 'run-2', [
          { cluster: { ...first, class: 'environment', decidedBy: 'model' }, vector: [1, 0, 0] },
          { cluster: cluster('b2b2b2b2b2b2b2b2', 'test-defect|locator'), vector: [0, 1, 0] },
        ]);
        const remembered = await stores.triage.get(projectId, first.id);
        expect(remembered).toMatchObject({
          count: 2,
          class: 'environment',
          decidedBy: 'model',
          correction: undefined,
        });
        expect(remembered!.runs.map((run) => [run.runId, run.class, run.failures]).sort()).toEqual([
          ['run-1', 'product-defect', 2],
          ['run-2', 'environment', 2],
        ]);
        expect(Date.parse(remembered!.firstSeen)).toBeLessThanOrEqual(Date.parse(remembered!.lastSeen));

        const recalled = await stores.triage.recall(
          projectId,
          [
            { id: first.id, vector: [0, 0, 1] },
            { id: 'c3c3c3c3c3c3c3c3', vector: [0.05, 1, 0] },
            { id: 'd4d4d4d4d4d4d4d4', vector: [0, 0, 1] },
          ],
          0.1,
        );
        expect(recalled.get(first.id)).toMatchObject({ distance: 0, cluster: { id: first.id } });
        expect(recalled.get('c3c3c3c3c3c3c3c3')?.cluster.id).toBe('b2b2b2b2b2b2b2b2');
        expect(recalled.get('c3c3c3c3c3c3c3c3')!.distance).toBeLessThan(0.01);
        expect(recalled.has('d4d4d4d4d4d4d4d4')).toBe(false);
        expect(await stores.triage.recall(project(), [{ id: first.id, vector: [1, 0, 0] }], 0.1)).toEqual(
          new Map(),
        );
      });

      it('keeps a correction over later automated decisions, lists, searches and finds nearest', async () => {
        const projectId = project();
        const locator = cluster('e5e5e5e5e5e5e5e5', 'test-defect|waiting for getByRole button', {
          title: 'Order button',
          class: 'test-defect',
          nextAction: 'repair-test',
        });
        await stores.triage.remember(projectId, 'run-1', [{ cluster: locator, vector: [0, 1] }]);
        await stores.triage.remember(projectId, 'run-1', [
          { cluster: cluster('f6f6f6f6f6f6f6f6', 'environment|ECONNREFUSED'), vector: [1, 0] },
        ]);
        expect(
          await stores.triage.correct(projectId, '0000000000000000', {
            class: 'flaky',
            by: 'alice',
            note: '',
          }),
        ).toBeUndefined();
        const corrected = await stores.triage.correct(projectId, locator.id, {
          class: 'product-defect',
          by: 'alice',
          note: 'the button was removed by mistake',
        });
        expect(corrected?.correction).toMatchObject({
          class: 'product-defect',
          by: 'alice',
          note: 'the button was removed by mistake',
        });
        await stores.triage.remember(projectId, 'run-2', [
          { cluster: { ...locator, class: 'product-defect', decidedBy: 'user:alice' }, vector: [0, 1] },
        ]);
        const after = await stores.triage.get(projectId, locator.id);
        expect(after).toMatchObject({
          count: 2,
          class: 'test-defect',
          decidedBy: 'rules',
          correction: { class: 'product-defect' },
        });

        const listed = await stores.triage.list(projectId, { limit: 10, offset: 0 });
        expect(listed.total).toBe(2);
        expect(listed.items.map((item) => item.id)).toEqual([locator.id, 'f6f6f6f6f6f6f6f6']);
        const searched = await stores.triage.list(projectId, { text: 'GETBYROLE', limit: 10, offset: 0 });
        expect(searched.items.map((item) => item.id)).toEqual([locator.id]);
        expect((await stores.triage.list(projectId, { text: '100%_', limit: 10, offset: 0 })).total).toBe(0);
        const nearest = await stores.triage.nearest(projectId, [0.9, 0.1], 5);
        expect(nearest.map((entry) => entry.cluster.id)).toEqual(['f6f6f6f6f6f6f6f6', locator.id]);
      });
    });

    describe('embeddings', () => {
      it('finds the nearest by cosine distance within the project and dimension', async () => {
        const projectId = project();
        await stores.embeddings.upsert(projectId, 'east', [1, 0, 0], 'points east');
        await stores.embeddings.upsert(projectId, 'north', [0, 1, 0], 'points north');
        await stores.embeddings.upsert(projectId, 'west', [-1, 0, 0], 'points west');
        await stores.embeddings.upsert(projectId, 'flat', [1, 0], 'another model');
        await stores.embeddings.upsert(project(), 'elsewhere', [1, 0, 0], 'another project');

        const nearest = await stores.embeddings.nearest(projectId, [2, 0.2, 0], 2);
        expect(nearest.map((hit) => hit.ref)).toEqual(['east', 'north']);
        expect(nearest[0]!.text).toBe('points east');
        expect(nearest[0]!.distance).toBeCloseTo(1 - 2 / Math.sqrt(4.04), 5);
        expect(nearest[1]!.distance).toBeCloseTo(1 - 0.2 / Math.sqrt(4.04), 5);

        const all = await stores.embeddings.nearest(projectId, [1, 0, 0], 10);
        expect(all.map((hit) => [hit.ref, Number(hit.distance.toFixed(5))])).toEqual([
          ['east', 0],
          ['north', 1],
          ['west', 2],
        ]);
        expect(await stores.embeddings.nearest(projectId, [1, 0, 0], 0)).toEqual([]);
      });

      it('replaces the vector and text of a ref', async () => {
        const projectId = project();
        await stores.embeddings.upsert(projectId, 'doc', [1, 0], 'old');
        await stores.embeddings.upsert(projectId, 'doc', [0, 1], 'new');
        expect(await stores.embeddings.nearest(projectId, [0, 1], 5)).toEqual([
          { ref: 'doc', text: 'new', distance: expect.closeTo(0, 5) },
        ]);
      });

      it('computes the same neighbours in the application as in the database, batch after batch', async () => {
        const projectId = project();
        const vectors = Array.from({ length: 23 }, (_, index) => [
          Math.cos(index),
          Math.sin(index),
          index / 10,
        ]);
        for (const [index, vector] of vectors.entries()) {
          await stores.embeddings.upsert(
            projectId,
            `doc-${String(index).padStart(2, '0')}`,
            vector,
            `text ${index}`,
          );
        }
        const inApplication = new EmbeddingRepository(db, false, 5);
        const query = [0.3, -0.8, 1.1];
        const expected = await stores.embeddings.nearest(projectId, query, 7);
        const computed = await inApplication.nearest(projectId, query, 7);
        expect(computed.map((hit) => hit.ref)).toEqual(expected.map((hit) => hit.ref));
        computed.forEach((hit, index) => expect(hit.distance).toBeCloseTo(expected[index]!.distance, 5));
      });

      it.runIf(harness.expected.vector)('finds rows written before pgvector was turned on', async () => {
        const projectId = project();
        await stores.embeddings.upsert(projectId, 'old', [1, 0], 'written without the vector column');
        await stores.embeddings.upsert(projectId, 'new', [0, 1], 'written with it');
        await db.execute(
          sql`update embeddings set embedding_vector = null where project_id = ${projectId} and ref = 'old'`,
        );
        const hits = await stores.embeddings.nearest(projectId, [1, 0.1], 2);
        expect(hits.map((hit) => hit.ref)).toEqual(['old', 'new']);
        expect(hits[0]!.distance).toBeCloseTo(1 - 1 / Math.sqrt(1.01), 5);
      });

      it('reads vectors back and finds every pair at a minimum similarity, in the database as here', async () => {
        const projectId = project();
        await stores.embeddings.upsertMany(projectId, [
          { ref: 'a', vector: [1, 0, 0], text: 'a' },
          { ref: 'b', vector: [0.9, 0.1, 0], text: 'b' },
          { ref: 'c', vector: [0, 1, 0], text: 'c' },
          { ref: 'd', vector: [1, 0], text: 'another model' },
        ]);
        await stores.embeddings.upsert(project(), 'a2', [1, 0, 0], 'another project');
        const vectors = await stores.embeddings.vectors(projectId, ['a', 'd', 'missing']);
        expect([...vectors]).toEqual([
          ['a', [1, 0, 0]],
          ['d', [1, 0]],
        ]);
        const refs = ['a', 'b', 'c', 'd', 'a2'];
        const expected = new Map([
          ['a', ['b']],
          ['b', ['a']],
        ]);
        expect(await stores.embeddings.neighbours(projectId, refs, refs, 0.99)).toEqual(expected);
        expect(await new EmbeddingRepository(db, false).neighbours(projectId, refs, refs, 0.99)).toEqual(
          expected,
        );
        expect(await stores.embeddings.neighbours(projectId, ['a'], ['c', 'd'], 0.5)).toEqual(new Map());
        expect(await stores.embeddings.neighbours(projectId, ['c'], refs, 0.1)).toEqual(
          new Map([['c', ['b']]]),
        );
      });

      it('refuses vectors without a direction', async () => {
        const projectId = project();
        await expect(stores.embeddings.upsert(projectId, 'zero', [0, 0], 'x')).rejects.toMatchObject({
          code: 'TESTOPS_INVALID_ARGUMENT',
        });
        await expect(stores.embeddings.nearest(projectId, [], 3)).rejects.toMatchObject({
          code: 'TESTOPS_INVALID_ARGUMENT',
        });
        await expect(stores.embeddings.upsert(projectId, 'nan', [1, Number.NaN], 'x')).rejects.toMatchObject({
          code: 'TESTOPS_INVALID_ARGUMENT',
        });
      });
    });

    describe('audit log', () => {
      it('records entries and lists them newest first, per project', async () => {
        const projectId = project();
        await stores.audit.record({
          actor: 'key:ci',
          action: 'job.create',
          projectId,
          target: 'job-1',
          detail: { kind: 'api-tests' },
        });
        await stores.audit.record({
          actor: 'key:ci',
          action: 'secret.put',
          projectId,
          target: undefined,
          detail: {},
        });
        await stores.audit.record({
          actor: 'admin',
          action: 'key.create',
          projectId: undefined,
          target: 'k',
          detail: {},
        });
        const entries = await stores.audit.list({ projectId, limit: 10 });
        expect(entries.map((entry) => entry.action)).toEqual(['secret.put', 'job.create']);
        expect(entries[1]).toMatchObject({
          actor: 'key:ci',
          projectId,
          target: 'job-1',
          detail: { kind: 'api-tests' },
        });
        expect(entries[0]!.target).toBeUndefined();
        expect(entries[0]!.at).toBeInstanceOf(Date);
        expect(await stores.audit.list({ projectId, limit: 1 })).toHaveLength(1);
        expect((await stores.audit.list({ limit: 1 }))[0]).toMatchObject({
          action: 'key.create',
          projectId: undefined,
        });
      });
    });
  });
}
