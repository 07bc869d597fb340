import type { UsageTotals } from '../../core/model-client.ts';
import type { ResponseCache } from '../../core/response-cache.ts';
import type { TriageMemory } from '../../core/triage.ts';
import type { VectorEntry } from '../../core/vector-index.ts';
import type { JobStore } from '../jobs/job-store.ts';

/**
 * The persistence ports the service uses. One Drizzle implementation serves PGlite (embedded)
 * and PostgreSQL (distributed); `openStores` picks the driver from the configuration.
 */
export interface Stores {
  jobs: JobStore;
  projects: ProjectStore;
  sources: SourceStore;
  tests: TestStore;
  artifacts: ArtifactStore;
  reports: ReportStore;
  keys: KeyStore;
  audit: AuditLog;
  secrets: SecretStore;
  embeddings: EmbeddingStore;
  /** Failure triage's project memory (see core/triage.ts). */
  triage: TriageMemory;
  chats: ChatStore;
  /** Each project's own model settings (its key is the secret `model:api-key`). */
  projectModels: ProjectModelStore;
  /** Model usage per job attempt, summed per project. */
  modelUsage: ModelUsageStore;
  /** Model answers by cache key (see core/response-cache.ts). */
  llmCache: ResponseCache;
  /** Per-project crew behaviours overriding the service's active one. */
  behaviors: BehaviorStore;
  /** For /ready: a round trip to the database. */
  ping(): Promise<void>;
  /** 'pglite' or 'postgres', and whether pgvector is available. */
  readonly info: { driver: 'pglite' | 'postgres'; vector: boolean };
  close(): Promise<void>;
}

export const DEFAULT_PROJECT = 'default';

/** A project's crew behaviour, as its YAML text (validated before it is put). */
export interface ProjectBehavior {
  projectId: string;
  yaml: string;
  updatedBy: string;
  updatedAt: Date;
}

export interface BehaviorStore {
  get(projectId: string): Promise<ProjectBehavior | undefined>;
  /** Creates the project when needed; replaces its previous behaviour. */
  put(projectId: string, yaml: string, updatedBy: string): Promise<ProjectBehavior>;
  /** True when there was one to remove. */
  remove(projectId: string): Promise<boolean>;
}

export interface Project {
  id: string;
  name: string;
  description: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewProject {
  name: string;
  description?: string;
  /** The id wanted; derived from the name (a unique slug) when absent. */
  id?: string;
}

/** Why a project was not deleted: it does not exist, is the default one, or still has work running. */
export type ProjectDeletion =
  | { deleted: true; jobs: number; chats: number; revokedKeys: number }
  | { deleted: false; reason: 'not-found' | 'default' }
  | { deleted: false; reason: 'active-jobs'; activeJobs: number }
  | { deleted: false; reason: 'referenced'; table: string };

export interface ProjectStore {
  /** Creates the project when missing (ids are slugs chosen by users, e.g. "billing"). */
  ensure(id: string, name?: string): Promise<Project>;
  /**
   * Creates a project; without an id, the slug of its name, numbered when taken ("billing-2").
   * `undefined` when the id asked for is taken.
   */
  create(project: NewProject): Promise<Project | undefined>;
  get(id: string): Promise<Project | undefined>;
  /** `ids` narrows the list (a key scoped to one project sees that one). */
  list(filter?: { ids?: string[] }): Promise<Project[]>;
  update(id: string, changes: { name?: string; description?: string }): Promise<Project | undefined>;
  /**
   * Deletes the project with everything stored for it (tasks with their events, artifacts and
   * reports; tests, sources, secrets, embeddings, chats) and revokes the keys scoped to it. The
   * audit log keeps its entries. Refused while a task of the project is pending or running.
   */
  delete(id: string): Promise<ProjectDeletion>;
}

export type SourceKind = 'openapi' | 'page-model' | 'requirements' | 'tests' | 'defects';

export interface SourceDocument {
  id: string;
  projectId: string;
  kind: SourceKind;
  /** Where it came from: a URL, a file name, or "inline". */
  origin: string;
  /** sha256 of the content: the same document uploaded twice is stored once per project. */
  digest: string;
  content: string;
  createdAt: Date;
}

/** A source without its content, for listings. */
export type SourceSummary = Omit<SourceDocument, 'content'> & { size: number };

export interface SourceStore {
  save(source: Omit<SourceDocument, 'id' | 'createdAt' | 'digest'>): Promise<SourceDocument>;
  get(id: string): Promise<SourceDocument | undefined>;
  /** The project's sources, newest first. */
  list(projectId: string, filter: { kind?: SourceKind; limit: number }): Promise<SourceSummary[]>;
}

export type TestKind = 'api' | 'ui' | 'manual';
/** delivered: passed every repeat; defect: failed consistently; flaky: mixed; unverified: not run. */
export type TestStatus = 'delivered' | 'defect' | 'flaky' | 'unverified';

export const TEST_PRIORITIES = ['critical', 'normal', 'low'] as const;
export type TestPriority = (typeof TEST_PRIORITIES)[number];

/**
 * One generated test (automated or manual) as a versioned document. `key` identifies the test
 * across regenerations in a project (e.g. "api:POST /vms:creates a VM"); regenerating it adds a
 * version, running the same job twice (a retried attempt) does not.
 */
export interface TestRecord {
  id: string;
  projectId: string;
  jobId: string;
  key: string;
  kind: TestKind;
  status: TestStatus;
  title: string;
  /** The operation ("POST /vms") or page ("/configure") it exercises. */
  target: string | undefined;
  /** File of the emitted suite that holds it, relative to the artifacts root. */
  file: string | undefined;
  version: number;
  document: Record<string, unknown>;
  /**
   * Read from the document's own `priority` (API/UI cases in lower case, manual cases in upper):
   * the case already carries it, so it is not stored twice. Absent in tests saved before suites kept it.
   */
  priority: TestPriority | undefined;
  createdAt: Date;
}

export interface TestFilter {
  projectId?: string;
  kind?: TestKind;
  status?: TestStatus;
  /** Case-insensitive match on title and target. */
  text?: string;
  priority?: TestPriority;
  jobId?: string;
  limit: number;
  offset: number;
}

export interface TestStore {
  /**
   * Records the tests a job produced. Idempotent per (jobId, key): a job attempt that crashed
   * after saving and runs again writes nothing twice.
   */
  saveForJob(
    jobId: string,
    projectId: string,
    tests: Omit<TestRecord, 'id' | 'projectId' | 'jobId' | 'version' | 'priority' | 'createdAt'>[],
  ): Promise<number>;
  get(id: string): Promise<TestRecord | undefined>;
  list(filter: TestFilter): Promise<{ items: TestRecord[]; total: number }>;
}

/** A file a job produced (suite, cases, report, evidence); stored in the database so any process can zip them. */
export interface Artifact {
  jobId: string;
  path: string;
  content: Buffer;
}

export interface ArtifactStore {
  /** Replaces the job's artifacts (a retried attempt overwrites, never duplicates). */
  replaceForJob(jobId: string, files: { path: string; content: Buffer }[]): Promise<void>;
  listForJob(jobId: string): Promise<Artifact[]>;
}

export interface RunResultRecord {
  jobId: string;
  test: string;
  verdict: 'delivered' | 'defect' | 'flaky' | 'skipped';
  passes: number;
  runs: number;
  evidence: Record<string, unknown> | undefined;
}

export interface ReportStore {
  /** The job's report (run report, check report, plan…) and per-test results; idempotent per job. */
  saveForJob(
    jobId: string,
    kind: string,
    report: Record<string, unknown>,
    results?: RunResultRecord[],
  ): Promise<void>;
  getForJob(jobId: string): Promise<{ kind: string; report: Record<string, unknown> } | undefined>;
}

export interface ApiKeyRecord {
  id: string;
  /** The project the key may act on; `*` for every project. */
  projectId: string;
  name: string;
  /** First characters of the key, shown in listings so users can tell keys apart. */
  prefix: string;
  createdAt: Date;
  revokedAt: Date | undefined;
  lastUsedAt: Date | undefined;
}

export interface KeyStore {
  /** Returns the plain key once; only a hash is stored. */
  create(projectId: string, name: string): Promise<{ key: string; record: ApiKeyRecord }>;
  /** The key's record when it exists and is not revoked (constant-time hash comparison). */
  verify(key: string): Promise<ApiKeyRecord | undefined>;
  revoke(id: string): Promise<boolean>;
  list(projectId?: string): Promise<ApiKeyRecord[]>;
}

export interface AuditEntry {
  at: Date;
  actor: string;
  action: string;
  projectId: string | undefined;
  target: string | undefined;
  detail: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: Omit<AuditEntry, 'at'>): Promise<void>;
  list(filter: { projectId?: string; limit: number }): Promise<AuditEntry[]>;
}

/**
 * Secrets (target tokens, LLM and integration keys) encrypted at rest with AES-256-GCM under a
 * key from the environment; jobs refer to them by name, never carry them in their input.
 */
export interface SecretStore {
  put(projectId: string, name: string, value: string): Promise<void>;
  get(projectId: string, name: string): Promise<string | undefined>;
  delete(projectId: string, name: string): Promise<boolean>;
  /** Names only. */
  list(projectId: string): Promise<string[]>;
}

/** Embeddings for similarity search (triage memory, optimize jobs): pgvector where present, a plain array column otherwise. */
export interface EmbeddingStore {
  upsert(projectId: string, ref: string, vector: number[], text: string): Promise<void>;
  /** Nearest first; `refPrefix` keeps one kind of entry (`triage:`). */
  nearest(
    projectId: string,
    vector: number[],
    limit: number,
    refPrefix?: string,
  ): Promise<{ ref: string; text: string; distance: number }[]>;
  upsertMany(projectId: string, entries: readonly VectorEntry[]): Promise<void>;
  /** The stored vectors of these refs; the optimiser's embedding memory (see `VectorIndex`). */
  vectors(projectId: string, refs: readonly string[]): Promise<Map<string, number[]>>;
  /** Every pair at `minSimilarity` or more, exactly (see `VectorIndex.neighbours`). */
  neighbours(
    projectId: string,
    queries: readonly string[],
    among: readonly string[],
    minSimilarity: number,
  ): Promise<Map<string, string[]>>;
}

export interface Chat {
  id: string;
  projectId: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
}

export type MessageRole = 'system' | 'user' | 'assistant';

/** One tool call of a reply with its result, as the chat showed it. */
export interface StoredToolCall {
  id: string;
  name: string;
  input: unknown;
  output?: unknown;
}

/**
 * A message of a chat's tree. Assistant messages carry their model call's facts; a reply
 * stopped or failed keeps what was streamed, with `finishReason` "stopped" or "error".
 */
export interface MessageRecord {
  id: string;
  /** Database-wide order; the history's cursor. */
  seq: number;
  projectId: string;
  chatId: string;
  parentId: string | undefined;
  role: MessageRole;
  content: string;
  toolCalls: StoredToolCall[] | undefined;
  model: string | undefined;
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  latencyMs: number | undefined;
  finishReason: string | undefined;
  error: { code: string; message: string } | undefined;
  traceId: string | undefined;
  spanId: string | undefined;
  createdAt: Date;
}

export type NewMessage = Pick<MessageRecord, 'chatId' | 'role' | 'content'> &
  Partial<Omit<MessageRecord, 'seq' | 'projectId' | 'chatId' | 'role' | 'content' | 'createdAt'>>;

export interface HistoryFilter {
  projectId: string;
  chatId?: string;
  traceId?: string;
  /** Messages after (`asc`) or before (`desc`) this seq: the previous page's `next_cursor`. */
  cursor?: number;
  order: 'asc' | 'desc';
  limit: number;
}

export interface ChatStore {
  create(projectId: string, title: string): Promise<Chat>;
  get(id: string): Promise<Chat | undefined>;
  /** Most recently active first. */
  list(projectId: string, page: { limit: number; offset: number }): Promise<Chat[]>;
  rename(id: string, title: string): Promise<Chat | undefined>;
  /** Deletes the chat with its messages. */
  delete(id: string): Promise<boolean>;
  /**
   * Appends to the chat's tree (under `parentId`, a message of the same chat, or as a root) and
   * marks the chat active. `undefined` when the chat or the parent is not there.
   */
  append(message: NewMessage): Promise<MessageRecord | undefined>;
  message(id: string): Promise<MessageRecord | undefined>;
  /** The newest message of the chat: where a new turn continues by default. */
  latest(chatId: string): Promise<MessageRecord | undefined>;
  /** The branch ending at the message, root first: the conversation a reply answers. */
  branch(messageId: string): Promise<MessageRecord[]>;
  /** A page of the project's messages, with the cursor of the next page when there is one. */
  history(filter: HistoryFilter): Promise<{ items: MessageRecord[]; nextCursor: number | undefined }>;
}

/** A project's model as stored: a provider name or a base URL, models and options; never the key. */
export interface ProjectModelRecord {
  provider: string;
  baseUrl: string | undefined;
  model: string | undefined;
  embeddingModel: string | undefined;
  options: Record<string, unknown>;
  updatedAt: Date;
}

export interface ProjectModelStore {
  get(projectId: string): Promise<ProjectModelRecord | undefined>;
  /** Creates or replaces the project's model settings. */
  put(projectId: string, settings: Omit<ProjectModelRecord, 'updatedAt'>): Promise<void>;
  delete(projectId: string): Promise<boolean>;
}

/** A project's model usage over every job attempt recorded. */
export interface ProjectUsageTotals extends UsageTotals {
  /** Job attempts that made at least one model call. */
  attempts: number;
}

export interface ModelUsageStore {
  /** Idempotent per (job, attempt): recording an attempt again replaces its row. */
  record(entry: { projectId: string; jobId: string; attempt: number; totals: UsageTotals }): Promise<void>;
  totals(projectId: string): Promise<ProjectUsageTotals>;
}
