import { resolve } from 'node:path';
import { TestopsError } from '../core/errors.ts';
import { ignoreEvents, timedStage, type EventSink } from '../core/events.ts';
import type { ManualCaseSet } from '../core/manual-case.ts';
import { summariseCaseSet, type CaseSetSummary } from '../emit/cases/case-summary.ts';
import { emitManualCases, type CaseFormat } from '../emit/cases/emit-manual-cases.ts';
import { DEFAULT_OWNER, type CaseDesignOptions } from '../generation/cases/case-set.ts';
import { designApiCases } from '../generation/cases/design-api-cases.ts';
import { designPageCases } from '../generation/cases/design-page-cases.ts';
import { designRequirementCases } from '../generation/cases/design-requirement-cases.ts';
import { buildApiModel } from '../sources/openapi/build-api-model.ts';
import { loadSpec } from '../sources/openapi/load-spec.ts';
import type { UrlGuardOptions } from '../sources/url-guard.ts';
import {
  designAssistedRequirementCases,
  REQUIREMENT_CASES_CAPABILITY,
  type AssistedCaseSet,
} from '../generation/cases/assisted-requirement-cases.ts';
import type { ModelAssistReport, ModelClient, ModelSection } from '../core/model-client.ts';
import type { ModelAccess, ModelOptions } from './model-access.ts';
import { openModelRun } from './model-run.ts';
import { readRequirements } from '../sources/requirements/read-requirements.ts';
import { exploreSite } from '../sources/web/explore-site.ts';
import { readSiteModel, writeSiteModel } from '../sources/web/site-model-io.ts';
import { writeEmittedFiles } from './write-files.ts';

export { CASE_FORMATS, type CaseFormat } from '../emit/cases/emit-manual-cases.ts';
export { DEFAULT_OWNER } from '../generation/cases/case-set.ts';

/** Where cases come from: written requirements, an OpenAPI spec, a saved site model, or a live site. */
export type CasesSource =
  | { kind: 'requirements'; path: string }
  | { kind: 'openapi'; spec: string; guard?: UrlGuardOptions }
  | { kind: 'page-model'; dir: string }
  | { kind: 'url'; url: string; allowPrivate?: boolean; maxPages?: number };

export interface GenerateCasesOptions extends ModelOptions {
  source: CasesSource;
  format: CaseFormat;
  outDir: string;
  owner?: string;
  jiraBase?: string;
  /** Where a local source is published (http(s)), so cases link there instead of to file:// URLs. */
  sourceUrl?: string;
  events?: EventSink;
}

export interface GenerateCasesResult {
  set: ManualCaseSet;
  summary: CaseSetSummary;
  outDir: string;
  files: string[];
  durations: Record<string, number>;
  /** How the model helped (absent with `--llm off`). */
  model: ModelAssistReport | undefined;
  /** The report's model section: on every run, `--llm off` included. */
  modelSection: ModelSection;
}

/** read the source → design cases → emit them in one format: the `generate cases` job. */
export async function generateCases(options: GenerateCasesOptions): Promise<GenerateCasesResult> {
  const outDir = resolve(options.outDir);
  const design: CaseDesignOptions = {
    owner: options.owner?.trim() || DEFAULT_OWNER,
    jiraBase: checkedUrl(
      '--jira-base',
      options.jiraBase,
      'the base URL of your Jira, e.g. https://jira.example.com',
    ),
    sourceUrl: checkedUrl(
      '--source-url',
      options.sourceUrl,
      'where the source is published, e.g. https://gitlab.example.com/qa/specs/-/blob/main/requirements.md',
    ),
  };
  // Opened before the source is read so its events pass through the run's usage count.
  const run = await openModelRun(options, options.events ?? ignoreEvents);
  const { events } = run;
  const read = await timedStage(events, `read ${options.source.kind}`, () =>
    readSource(options.source, outDir, events),
  );
  const model = run.access;
  const designed = await timedStage(events, 'design cases', (): Promise<Designed> | Designed =>
    read.result.assisted && model.client
      ? read.result.assisted(design, model.client, options.outputLanguage)
      : { set: read.result.design(design), report: unassisted(model) },
  );
  const { set, report } = designed.result;
  if (report) run.record(report);
  if (report?.status === 'unavailable' && options.llm === 'required') throw designed.result.error;
  if (set.unused.length > 0)
    events({
      type: 'log',
      level: 'info',
      message: `${set.unused.length} input(s) gave no case; README.md says why`,
    });
  const emitted = await timedStage(events, `emit ${options.format}`, async () => {
    const files = emitManualCases(set, options.format);
    await writeEmittedFiles(outDir, files);
    return Object.keys(files).sort();
  });
  const section = run.section();
  return {
    set,
    summary: summariseCaseSet(set),
    outDir,
    files: emitted.result,
    durations: { read: read.durationMs, design: designed.durationMs, emit: emitted.durationMs },
    model: report && section.usage ? { ...report, usage: section.usage } : report,
    modelSection: section,
  };
}

interface Designer {
  design(design: CaseDesignOptions): ManualCaseSet;
  /** Sources with a model-assisted design (requirements, so far). */
  assisted?(design: CaseDesignOptions, model: ModelClient, language?: 'en' | 'ru'): Promise<AssistedCaseSet>;
}

interface Designed {
  set: ManualCaseSet;
  report: ModelAssistReport | undefined;
  error?: unknown;
}

/** Why the model did not take part (none when it was switched off). */
function unassisted(model: ModelAccess): ModelAssistReport | undefined {
  if (model.status === 'off') return undefined;
  const counts = { proposed: 0, rejected: 0, duplicates: 0, delivered: 0, repaired: 0, failedBatches: 0 };
  if (model.status === 'ready')
    return {
      capability: 'none',
      status: 'off',
      message: 'no model-assisted design for this source yet',
      ...counts,
    };
  return {
    capability: REQUIREMENT_CASES_CAPABILITY,
    status: model.status,
    message: model.message,
    ...counts,
  };
}

/** Reads (or explores) the source; returns the case design for what was read. */
async function readSource(source: CasesSource, outDir: string, events: EventSink): Promise<Designer> {
  switch (source.kind) {
    case 'requirements': {
      const document = await readRequirements(source.path);
      return {
        design: (design) => designRequirementCases(document, design),
        assisted: (design, model, language) =>
          designAssistedRequirementCases(document, design, model, language),
      };
    }
    case 'openapi': {
      const model = buildApiModel(await loadSpec(source.spec, { guard: source.guard }));
      for (const issue of model.issues)
        events({ type: 'operation-skipped', operation: issue.operation, reason: issue.message });
      for (const warning of model.warnings ?? [])
        events({ type: 'log', level: 'warn', message: `${warning.operation}: ${warning.message}` });
      return { design: (design) => designApiCases(model, source.spec, design) };
    }
    case 'page-model': {
      const site = await readSiteModel(source.dir);
      return { design: (design) => designPageCases(site, source.dir, design) };
    }
    case 'url': {
      const site = await exploreSite({
        url: source.url,
        outDir,
        events,
        allowPrivate: source.allowPrivate,
        maxPages: source.maxPages,
      });
      await writeSiteModel(outDir, site);
      return { design: (design) => designPageCases(site, source.url, design) };
    }
  }
}

function checkedUrl(flag: string, value: string | undefined, expected: string): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (/^https?:\/\/[^\s/]+/.test(value.trim())) return value.trim();
  throw new TestopsError(
    'TESTOPS_INVALID_ARGUMENT',
    `${flag} is not an http(s) URL: ${JSON.stringify(value)}`,
    {
      where: flag,
      expected,
      hint: 'include the scheme, e.g. https://.',
    },
  );
}
