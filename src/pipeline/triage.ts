import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { TestopsError } from '../core/errors.ts';
import { ignoreEvents, timedStage, type EventSink } from '../core/events.ts';
import type { MemoryCluster, TriageMemory, TriageModelNote, TriageResult } from '../core/triage.ts';
import { hashedVector } from '../triage/failure-vector.ts';
import { triageRun } from '../triage/triage-run.ts';
import { modelFor, type ModelOptions } from './model-access.ts';

export { FAILURE_CLASSES } from '../core/triage.ts';
export type { FailureClass, MemoryCluster, TriageResult } from '../core/triage.ts';
export { renderTriage, renderMemoryCluster } from '../triage/render-triage.ts';

/** Larger run files are refused: 10,000 failures of our report fit well within it. */
export const TRIAGE_MAX_BYTES = 64 * 1024 * 1024;

export interface TriageReportOptions extends ModelOptions {
  /** A file on disk, or a body already read (an upload, a job's stored report). */
  input: { path: string } | { name: string; text: string };
  /** The project whose memory is consulted and updated (default `default`). */
  projectId?: string;
  /** The project memory; without one the run is triaged alone. */
  memory?: TriageMemory;
  events?: EventSink;
}

/**
 * Triages a run's failures: our testops-report.json, Playwright JSON output or JUnit XML →
 * clusters by root cause with class, reasons, next action and what the project's memory knows.
 * The chat's `/triage` command, `testops triage` and the HTTP API all call this.
 *
 * @example await triageReport({ input: { path: 'testops-report.json' }, memory: stores.triage, llm: 'off' })
 */
export async function triageReport(options: TriageReportOptions): Promise<TriageResult> {
  const events = options.events ?? ignoreEvents;
  const document = 'path' in options.input ? await readRunFile(options.input.path) : options.input;
  const access = await modelFor(options, events);
  const modelNote: TriageModelNote =
    access.status === 'ready'
      ? { status: 'used', message: `${access.client.model}` }
      : { status: access.status, message: access.message };
  const client = access.client;
  const { result } = await timedStage(events, 'triage', () =>
    triageRun({
      document,
      projectId: options.projectId ?? 'default',
      memory: options.memory,
      model: client,
      modelNote,
      embed: client?.embed ? (texts) => client.embed!(texts) : undefined,
    }),
  );
  return result;
}

async function readRunFile(path: string): Promise<{ name: string; text: string }> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) {
    throw new TestopsError('TESTOPS_SOURCE_NOT_FOUND', 'no such file', {
      where: path,
      expected: 'a testops-report.json, a Playwright JSON report or a JUnit XML file',
      hint: 'check the path; Playwright writes JSON with --reporter=json, pytest JUnit with --junitxml.',
    });
  }
  if (info.size > TRIAGE_MAX_BYTES) {
    throw new TestopsError('TESTOPS_SOURCE_TOO_LARGE', `the file has ${info.size} bytes`, {
      where: path,
      expected: `at most ${TRIAGE_MAX_BYTES} bytes`,
      hint: 'triage one run at a time.',
    });
  }
  return { name: basename(path), text: await readFile(path, 'utf8') };
}

export interface MemorySearch {
  /** Clusters whose title or signature contains the text. */
  matches: MemoryCluster[];
  /** Clusters whose signature is nearest the text's embedding, nearest first. */
  nearest: { cluster: MemoryCluster; distance: number }[];
}

/** Searches a project's triage memory by text and by nearest signature (embedded as triage embeds). */
export async function searchTriageMemory(options: {
  memory: TriageMemory;
  projectId: string;
  text: string;
  limit: number;
  model?: ModelOptions;
}): Promise<MemorySearch> {
  const access = await modelFor({ llm: 'auto', ...options.model }, ignoreEvents);
  const embedded = access.client?.embed
    ? await access.client.embed([options.text]).catch(() => undefined)
    : undefined;
  const vector = embedded?.[0] ?? hashedVector(options.text);
  const [matches, nearest] = await Promise.all([
    options.memory.list(options.projectId, { text: options.text, limit: options.limit, offset: 0 }),
    options.memory.nearest(options.projectId, vector, options.limit),
  ]);
  return { matches: matches.items, nearest };
}

export interface MemoryExport {
  version: 1;
  project: string;
  exportedAt: string;
  clusters: MemoryCluster[];
}

const EXPORT_PAGE = 500;

/** The whole memory of a project as one JSON document. */
export async function exportTriageMemory(memory: TriageMemory, projectId: string): Promise<MemoryExport> {
  const clusters: MemoryCluster[] = [];
  for (let offset = 0; ; offset += EXPORT_PAGE) {
    const page = await memory.list(projectId, { limit: EXPORT_PAGE, offset });
    clusters.push(...page.items);
    if (page.items.length < EXPORT_PAGE) break;
  }
  return { version: 1, project: projectId, exportedAt: new Date().toISOString(), clusters };
}
