/**
 * Failure triage contracts: what the triage stage reads from a run (any format), what it
 * decides per root cause, and the project memory port it consults. The stage, the pipeline,
 * the CLI and the service all speak these types.
 */

/** Who should act: the product team, the test's author, nobody yet (flaky), or operations. */
export const FAILURE_CLASSES = ['product-defect', 'test-defect', 'flaky', 'environment'] as const;
export type FailureClass = (typeof FAILURE_CLASSES)[number];

export type NextAction = 'open-defect' | 'repair-test' | 'quarantine' | 'fix-environment';

export type RunFormat = 'testops-report' | 'playwright-json' | 'junit-xml';

/** One failed (or flaky) test, read from any supported format. */
export interface TriageFailure {
  test: string;
  /** File or class of the test, as the format names it. */
  file: string | undefined;
  /** `POST /api/v1/disks`, or the page path a UI test visited, when known. */
  operation: string | undefined;
  /** `failed`, `timedOut`, `error` (JUnit), `flaky` (failed, then passed on a retry or repeat). */
  status: 'failed' | 'timedOut' | 'error' | 'flaky';
  message: string;
  /** Stack frames, innermost first (`at tests/x.spec.ts:12:3`), when the format keeps them. */
  frames: string[];
  /** What our report says the test expected and got (status lines, body checks). */
  expected: string | undefined;
  actual: string | undefined;
  /** Our report's root-cause signature, when it grouped the failure already. */
  findingSignature: string | undefined;
  /** That finding's title. */
  findingTitle: string | undefined;
  /** Attempts that passed / ran (a flaky test passes some). */
  passes: number;
  runs: number;
}

/** An entry of the input that could not be read; the rest is triaged. */
export interface TriageProblem {
  entry: string;
  message: string;
}

export interface FailureSet {
  format: RunFormat;
  /** A content digest: the same file triaged twice is one run in the memory. */
  runId: string;
  failures: TriageFailure[];
  problems: TriageProblem[];
}

export type DecidedBy = 'rules' | 'model' | `user:${string}`;

/** Failures sharing one root cause, with its class, why, and what to do. */
export interface TriageCluster {
  /** Stable across runs: derived from the signature. */
  id: string;
  signature: string;
  title: string;
  class: FailureClass;
  decidedBy: DecidedBy;
  /** Why this class, one reason a line (the rule's or the model's words, or the user's correction). */
  reasons: string[];
  nextAction: NextAction;
  /** Failures in the cluster; `failures` lists the first of them. */
  count: number;
  failures: { test: string; file: string | undefined; operation: string | undefined; message: string }[];
  /** What the project's memory knows of this root cause, when it was seen before. */
  recognised: Recognition | undefined;
}

export interface Recognition {
  /** The cluster id in memory (equal to `id` unless matched by nearest signature). */
  memoryId: string;
  match: 'signature' | 'nearest';
  /** Cosine distance for nearest matches; 0 for a signature match. */
  distance: number;
  /** Runs the memory holds it from, before this one. */
  seen: number;
  firstSeen: string;
  lastSeen: string;
  class: FailureClass;
  decidedBy: DecidedBy;
  corrected: boolean;
  /** `seen 3 times since 2026-12-01, triaged as product-defect by user:alice`. */
  text: string;
}

export interface TriageModelNote {
  status: 'off' | 'not-configured' | 'used' | 'unavailable';
  message: string;
}

export interface TriageResult {
  version: 1;
  format: RunFormat;
  source: string;
  runId: string;
  project: string;
  failures: number;
  clusters: TriageCluster[];
  problems: TriageProblem[];
  model: TriageModelNote;
  /** How clusters were embedded for nearest-signature search. */
  embedding: 'provider' | 'hashed';
}

/** One root cause as the project's memory keeps it. */
export interface MemoryCluster {
  id: string;
  signature: string;
  title: string;
  class: FailureClass;
  decidedBy: DecidedBy;
  /** Set when a user corrected the class: later triage keeps the user's class. */
  correction: { class: FailureClass; by: string; note: string; at: string } | undefined;
  firstSeen: string;
  lastSeen: string;
  /** Runs it was seen in. */
  count: number;
  runs: { runId: string; at: string; class: FailureClass; decidedBy: DecidedBy; failures: number }[];
}

export interface MemorySighting {
  cluster: TriageCluster;
  vector: number[];
}

/**
 * The project memory port. Implemented over the service's store (PGlite or PostgreSQL); the
 * stage only reads through `recall`, the pipeline writes with `remember`.
 */
export interface TriageMemory {
  /** Memory entries by cluster id, and the nearest other entry for ids it does not hold. */
  recall(
    projectId: string,
    queries: { id: string; vector: number[] }[],
    maxDistance: number,
  ): Promise<Map<string, { cluster: MemoryCluster; distance: number }>>;
  /** Records one run's clusters; idempotent per (cluster, run). */
  remember(projectId: string, runId: string, sightings: MemorySighting[]): Promise<void>;
  correct(
    projectId: string,
    clusterId: string,
    correction: { class: FailureClass; by: string; note: string },
  ): Promise<MemoryCluster | undefined>;
  get(projectId: string, clusterId: string): Promise<MemoryCluster | undefined>;
  list(
    projectId: string,
    filter: { text?: string; limit: number; offset: number },
  ): Promise<{ items: MemoryCluster[]; total: number }>;
  nearest(
    projectId: string,
    vector: number[],
    limit: number,
  ): Promise<{ cluster: MemoryCluster; distance: number }[]>;
}
