import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { JobError, JobEvent, JobProgress } from '../jobs/job.ts';

/**
 * The tables behind the persistence ports. Migrations in `migrations/` are generated from this
 * file with drizzle-kit (`npx drizzle-kit generate`); never edit an applied migration.
 *
 * Ids are text (UUIDs made by the application): a malformed id in a URL is then simply "not
 * found" rather than a type error from the database.
 */

/** Buffers on both drivers: node-postgres hands back Buffer, PGlite Uint8Array. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array | string }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => {
    if (typeof value === 'string') return Buffer.from(value.replace(/^\\x/, ''), 'hex');
    return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  },
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const projects = pgTable('projects', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const jobs = pgTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('pending'),
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    progress: jsonb('progress').$type<JobProgress>().notNull(),
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    errors: jsonb('errors').$type<JobError[]>().notNull().default([]),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    idempotencyKey: text('idempotency_key'),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    workerId: text('worker_id'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    // The last event sequence number handed out: incrementing it in the UPDATE that appends an
    // event serialises concurrent appenders on the job's row, so seqs are gap-free and unique.
    eventSeq: integer('event_seq').notNull().default(0),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('jobs_project_idempotency_key').on(table.projectId, table.idempotencyKey),
    index('jobs_status_created_at').on(table.status, table.createdAt),
    index('jobs_project_created_at').on(table.projectId, table.createdAt),
    check(
      'jobs_status_known',
      sql`${table.status} in ('pending', 'running', 'completed', 'failed', 'cancelled')`,
    ),
  ],
);

export const jobEvents = pgTable(
  'job_events',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    event: jsonb('event').$type<JobEvent>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.jobId, table.seq] })],
);

export const sources = pgTable(
  'sources',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    kind: text('kind').notNull(),
    origin: text('origin').notNull(),
    digest: text('digest').notNull(),
    content: text('content').notNull(),
    createdAt: createdAt(),
  },
  (table) => [uniqueIndex('sources_project_kind_digest').on(table.projectId, table.kind, table.digest)],
);

export const tests = pgTable(
  'tests',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    jobId: text('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    title: text('title').notNull(),
    target: text('target'),
    file: text('file'),
    version: integer('version').notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex('tests_job_key').on(table.jobId, table.key),
    // Two jobs regenerating one test at once must not both claim the same version.
    uniqueIndex('tests_project_key_version').on(table.projectId, table.key, table.version),
    index('tests_project_created_at').on(table.projectId, table.createdAt),
  ],
);

export const artifacts = pgTable(
  'artifacts',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.jobId, table.path] })],
);

export const reports = pgTable('reports', {
  jobId: text('job_id')
    .primaryKey()
    .references(() => jobs.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  report: jsonb('report').$type<Record<string, unknown>>().notNull(),
  createdAt: createdAt(),
});

export const runResults = pgTable(
  'run_results',
  {
    jobId: text('job_id')
      .notNull()
      .references(() => reports.jobId, { onDelete: 'cascade' }),
    // Position in the report: test names may repeat (parametrised tests), order matters to readers.
    ordinal: integer('ordinal').notNull(),
    test: text('test').notNull(),
    verdict: text('verdict').notNull(),
    passes: integer('passes').notNull(),
    runs: integer('runs').notNull(),
    evidence: jsonb('evidence').$type<Record<string, unknown>>(),
  },
  (table) => [primaryKey({ columns: [table.jobId, table.ordinal] })],
);

export const chats = pgTable(
  'chats',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    title: text('title').notNull(),
    createdAt: createdAt(),
    // Touched by every message: chat lists show the most recently active first.
    updatedAt: updatedAt(),
  },
  (table) => [
    index('chats_project_created_at').on(table.projectId, table.createdAt),
    index('chats_project_updated_at').on(table.projectId, table.updatedAt),
  ],
);

/**
 * A chat's messages form a tree: `parent_id` is the message answered or continued; regenerating
 * a reply or editing a question adds a sibling. `seq` orders every message of the database and
 * is the history's pagination cursor. Assistant messages carry their model call's facts.
 */
export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    chatId: text('chat_id')
      .notNull()
      .references(() => chats.id, { onDelete: 'cascade' }),
    parentId: text('parent_id').references((): AnyPgColumn => messages.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    content: text('content').notNull(),
    /** The reply's tool calls with their results: `[{ id, name, input, output }]`. */
    toolCalls: jsonb('tool_calls').$type<unknown[]>(),
    model: text('model'),
    inputTokens: integer('input_tokens'),
    outputTokens: integer('output_tokens'),
    latencyMs: integer('latency_ms'),
    finishReason: text('finish_reason'),
    error: jsonb('error').$type<{ code: string; message: string }>(),
    traceId: text('trace_id'),
    spanId: text('span_id'),
    createdAt: createdAt(),
  },
  (table) => [
    index('messages_chat_seq').on(table.chatId, table.seq),
    index('messages_project_seq').on(table.projectId, table.seq),
    index('messages_project_trace_seq').on(table.projectId, table.traceId, table.seq),
    index('messages_parent').on(table.parentId),
    check('messages_role_known', sql`${table.role} in ('system', 'user', 'assistant')`),
  ],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    // Not a foreign key: `*` scopes a key to every project.
    projectId: text('project_id').notNull(),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    /** sha256 of the key, hex; the key itself is never stored. */
    hash: text('hash').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('api_keys_hash').on(table.hash), index('api_keys_project').on(table.projectId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    projectId: text('project_id'),
    target: text('target'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  },
  (table) => [index('audit_log_project_id').on(table.projectId, table.id)],
);

export const secrets = pgTable(
  'secrets',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    ciphertext: bytea('ciphertext').notNull(),
    iv: bytea('iv').notNull(),
    tag: bytea('tag').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.projectId, table.name] })],
);

/**
 * `embedding` (real[]) is always written, so the table works on any PostgreSQL. Where pgvector
 * exists, `openStores` adds an `embedding_vector vector` column at open time (see
 * vector-support.ts) — it is not declared here because a migration that needs the extension
 * would fail on servers without it.
 */
export const embeddings = pgTable(
  'embeddings',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    ref: text('ref').notNull(),
    text: text('text').notNull(),
    embedding: real('embedding').array().notNull(),
    dimensions: integer('dimensions').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.ref] }),
    index('embeddings_project_dimensions').on(table.projectId, table.dimensions),
  ],
);

/**
 * Model answers by cache key (a hash of provider, model, prompt, schema and parameters): a job
 * asking the same again costs no call. `hits` and `last_hit_at` show what the cache saves.
 */
export const llmResponseCache = pgTable('llm_response_cache', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  hits: integer('hits').notNull().default(0),
  createdAt: createdAt(),
  lastHitAt: timestamp('last_hit_at', { withTimezone: true }),
});

/**
 * A project's own crew behaviour (YAML, validated before it is stored), overriding the service's
 * active one for crews run in that project. Gone with its project.
 */
export const projectBehaviors = pgTable('project_behaviors', {
  projectId: text('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  yaml: text('yaml').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Triage memory: one row per root cause a project's runs showed (its signature; its embedding is
 * in `embeddings` under `triage:<id>`), with the class triage gave it and a user's correction.
 */
export const triageClusters = pgTable(
  'triage_clusters',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    signature: text('signature').notNull(),
    title: text('title').notNull(),
    class: text('class').notNull(),
    decidedBy: text('decided_by').notNull(),
    correction: jsonb('correction').$type<{ class: string; by: string; note: string; at: string }>(),
    firstSeen: timestamp('first_seen', { withTimezone: true }).notNull().defaultNow(),
    lastSeen: timestamp('last_seen', { withTimezone: true }).notNull().defaultNow(),
    count: integer('count').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.id] }),
    index('triage_clusters_project_last_seen').on(table.projectId, table.lastSeen),
  ],
);

/** Each run a cluster was seen in, once per run (the same report triaged twice counts once). */
export const triageSightings = pgTable(
  'triage_sightings',
  {
    projectId: text('project_id').notNull(),
    clusterId: text('cluster_id').notNull(),
    runId: text('run_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    class: text('class').notNull(),
    decidedBy: text('decided_by').notNull(),
    failures: integer('failures').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.projectId, table.clusterId, table.runId] }),
    foreignKey({
      columns: [table.projectId, table.clusterId],
      foreignColumns: [triageClusters.projectId, triageClusters.id],
    }).onDelete('cascade'),
  ],
);

/**
 * A project's own model (provider or base URL, models, options): its jobs use it instead of the
 * environment's. The API key is not here: it is the project's secret `model:api-key`, encrypted.
 */
export const projectModels = pgTable('project_models', {
  projectId: text('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  provider: text('provider').notNull(),
  baseUrl: text('base_url'),
  model: text('model'),
  embeddingModel: text('embedding_model'),
  options: jsonb('options').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What each job attempt's model calls used and cost, one row per (job, attempt): an attempt that
 * crashed and runs again replaces its row, a failed attempt's calls still count for the project.
 */
export const modelUsage = pgTable(
  'model_usage',
  {
    jobId: text('job_id').notNull(),
    attempt: integer('attempt').notNull(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    calls: integer('calls').notNull(),
    fromCache: integer('from_cache').notNull(),
    failed: integer('failed').notNull(),
    inputTokens: bigint('input_tokens', { mode: 'number' }).notNull(),
    outputTokens: bigint('output_tokens', { mode: 'number' }).notNull(),
    cachedInputTokens: bigint('cached_input_tokens', { mode: 'number' }).notNull(),
    costUsd: doublePrecision('cost_usd'),
    costRub: doublePrecision('cost_rub'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.jobId, table.attempt] }),
    index('model_usage_project_id').on(table.projectId),
  ],
);
