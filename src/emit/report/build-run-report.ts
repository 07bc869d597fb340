import {
  REPORT_VERSION,
  type Conformance,
  type Finding,
  type NotReachedOperation,
  type PacedRun,
  type PageFigures,
  type RunReport,
  type SuspectedDefect,
  type TestOutcome,
} from '../../core/run-report.ts';
import type { MissingResource } from '../../core/test-case.ts';

import { uncoveredOperations } from './uncovered-operations.ts';

export interface SuiteManifest {
  version: 1;
  kind: 'api' | 'ui';
  format: 'playwright-ts' | 'pytest';
  title: string;
  spec: string;
  baseUrl: string | undefined;
  generatedAt: string;
  operations: string[];
  /** API suites: each operation's documented response statuses as written (absent in older manifests). */
  documentedStatuses?: Record<string, string[]>;
  skippedOperations: { operation: string; reason: string }[];
  /** Tests designed but not emitted, with why (absent in manifests written before they existed). */
  withheldTests?: { test: string; operation: string; reason: string }[];
  /** `coercible`, `missingResource`, `refusalUndocumented`: see ApiTestCase. */
  tests: {
    title: string;
    operation: string;
    kind: string;
    /** The case's priority (absent in manifests written before it was kept). */
    priority?: 'critical' | 'normal' | 'low';
    coercible?: boolean;
    coercedField?: string;
    /** `true` in manifests written before the two were told apart: `promised`. */
    missingResource?: MissingResource | true;
    refusalUndocumented?: boolean;
  }[];
  /** Parts of the spec tested as unconstrained (absent in older manifests). */
  unconstrained?: { operation: string; pointer: string; reason: string }[];
  /** UI suites: what exploration recorded per page (operations are page ids then). */
  pages?: {
    page: string;
    path: string;
    exploreMs: number;
    settled: boolean;
    elements: number;
    interactions: number;
    notes?: string[];
  }[];
}

export interface ReportInput {
  manifest: SuiteManifest;
  baseUrl: string | undefined;
  repeat: number;
  outcomes: TestOutcome[] | undefined;
  defects: SuspectedDefect[];
  /** Failed tests grouped by root cause (none when the suite was not run). */
  findings?: Finding[];
  conformance?: Conformance;
  durations: Record<string, number>;
  marking?: RunReport['marking'];
  /** API operations the suite could not reach (their tests are among the skipped ones). */
  notReached?: NotReachedOperation[];
  /** Tests that met the target's rate limit and ran again alone, paced. */
  paced?: PacedRun;
}

/** Assembles the report contract from the suite manifest and, when it ran, the outcomes. */
export function buildRunReport(input: ReportInput): RunReport {
  const manifest = input.manifest;
  // UI tests carry no operation annotation: their page comes from the manifest, by title.
  const operationByTitle = new Map(manifest.tests.map((test) => [test.title, test.operation]));
  const outcomes = input.outcomes?.map((outcome) => ({
    ...outcome,
    operation: outcome.operation ?? operationByTitle.get(outcome.title),
  }));
  const delivered = outcomes?.filter((outcome) => outcome.verdict === 'delivered') ?? [];
  const coveredOperations = new Set(
    (outcomes ? delivered : manifest.tests).map((test) => test.operation).filter(Boolean),
  );
  return {
    version: REPORT_VERSION,
    kind: manifest.kind,
    generatedAt: new Date().toISOString(),
    target: { spec: manifest.spec, baseUrl: input.baseUrl },
    format: manifest.format,
    operations: {
      total: manifest.operations.length + manifest.skippedOperations.length,
      covered: manifest.operations.filter((operation) => coveredOperations.has(operation)).length,
      skipped: uncoveredOperations(manifest, outcomes),
    },
    tests: {
      generated: manifest.tests.length,
      delivered: delivered.length,
      passed: delivered.length,
      failed: outcomes?.filter((outcome) => outcome.verdict === 'defect').length ?? 0,
      flaky: outcomes?.filter((outcome) => outcome.verdict === 'flaky').length ?? 0,
      skipped: outcomes?.filter((outcome) => outcome.verdict === 'skipped').length ?? 0,
      ...(input.notReached?.length
        ? { notReached: input.notReached.reduce((sum, entry) => sum + entry.tests.length, 0) }
        : {}),
    },
    executed: outcomes !== undefined,
    repeat: input.repeat,
    suspectedDefects: input.defects,
    findings: input.findings ?? [],
    conformance: input.conformance ?? 'strict',
    flaky: (outcomes ?? [])
      .filter((outcome) => outcome.verdict === 'flaky')
      .map((outcome) => ({
        test: outcome.title,
        operation: outcome.operation ?? '',
        passes: outcome.passes,
        runs: outcome.runs,
        reason: outcome.failure?.actual ?? 'intermittent failure',
      })),
    skippedTests: [
      ...(manifest.withheldTests ?? []).map((withheld) => ({ test: withheld.test, reason: withheld.reason })),
      ...(outcomes ?? [])
        .filter((outcome) => outcome.verdict === 'skipped')
        .map((outcome) => ({ test: outcome.title, reason: outcome.skipReason ?? 'skipped' })),
    ],
    ...(manifest.unconstrained?.length ? { unconstrained: manifest.unconstrained } : {}),
    durations: input.durations,
    ...(input.marking ? { marking: input.marking } : {}),
    ...(input.notReached?.length ? { notReached: input.notReached } : {}),
    ...(input.paced ? { paced: input.paced } : {}),
    ...(manifest.pages ? { pages: pageFigures(manifest, outcomes) } : {}),
  };
}

function pageFigures(manifest: SuiteManifest, outcomes: TestOutcome[] | undefined): PageFigures[] {
  return (manifest.pages ?? []).map((page) => {
    const mine = (outcomes ?? []).filter((outcome) => outcome.operation === page.page);
    const count = (verdict: TestOutcome['verdict']) =>
      mine.filter((outcome) => outcome.verdict === verdict).length;
    return {
      ...page,
      tests: manifest.tests.filter((test) => test.operation === page.page).length,
      delivered: count('delivered'),
      failed: count('defect'),
      flaky: count('flaky'),
    };
  });
}
