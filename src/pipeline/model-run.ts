import type { EventSink } from '../core/events.ts';
import {
  MODEL_UNAVAILABLE_MESSAGE,
  type ModelAssistReport,
  type ModelSection,
  type ModelUsage,
} from '../core/model-client.ts';
import { modelFor, type ModelAccess, type ModelOptions } from './model-access.ts';
import { sumUsage } from './model-usage.ts';
import { describeError } from '../core/errors.ts';

/** The model of one run: its client (or why none), the run's event sink, and what it used. */
export interface ModelRun {
  access: ModelAccess;
  /** The caller's sink, with every `model-call` also counted for this run. */
  events: EventSink;
  /** Reports a capability's outcome: a fallback becomes a `model-fallback` event. */
  record(report: ModelAssistReport): void;
  /** The report's model section, built from what was recorded and the calls counted. */
  section(): ModelSection;
}

/** Opens the model for a run (see `modelFor`) and starts counting its calls. */
export async function openModelRun(options: ModelOptions, given: EventSink): Promise<ModelRun> {
  const calls: ModelUsage[] = [];
  const capabilities: ModelAssistReport[] = [];
  const events: EventSink = (event) => {
    if (event.type === 'model-call') calls.push(event.usage);
    given(event);
  };
  const access = await modelFor(options, events);
  return {
    access,
    events,
    record(report) {
      capabilities.push(report);
      // A client that could not even open was reported by modelFor already.
      if (access.status === 'ready' && (report.status === 'unavailable' || report.status === 'partial'))
        events({
          type: 'model-fallback',
          capability: report.capability,
          code: report.status,
          message: report.message,
        });
    },
    section: () => modelSection(options, access, capabilities, calls),
  };
}

/** What one capability's batches gave, in the shape of the report. */
export interface CapabilityOutcome {
  proposed: number;
  rejected: number;
  duplicates?: number;
  delivered: number;
  repaired: number;
  failedBatches: number;
  batches: number;
  error: unknown;
}

/** The report entry of a capability: `unavailable` when every batch failed, `partial` when some did. */
export function capabilityReport(
  capability: string,
  model: string,
  outcome: CapabilityOutcome,
  added: string,
): ModelAssistReport {
  const status =
    outcome.failedBatches === 0
      ? 'used'
      : outcome.failedBatches === outcome.batches
        ? 'unavailable'
        : 'partial';
  const reason = outcome.error ? describeError(outcome.error).split('\n')[0] : '';
  return {
    capability,
    status,
    message:
      status === 'unavailable'
        ? `${MODEL_UNAVAILABLE_MESSAGE} (${capability}: ${reason})`
        : `${model} ${added}${status === 'partial' ? `; ${outcome.failedBatches} batch(es): ${MODEL_UNAVAILABLE_MESSAGE}` : ''}`,
    proposed: outcome.proposed,
    rejected: outcome.rejected,
    duplicates: outcome.duplicates ?? 0,
    delivered: outcome.delivered,
    repaired: outcome.repaired,
    failedBatches: outcome.failedBatches,
  };
}

function modelSection(
  options: ModelOptions,
  access: ModelAccess,
  capabilities: ModelAssistReport[],
  calls: ModelUsage[],
): ModelSection {
  const fallbacks = capabilities
    .filter((report) => report.status === 'unavailable' || report.status === 'partial')
    .map((report) => report.message);
  if (access.status === 'unavailable') fallbacks.unshift(access.message);
  return {
    mode: options.llm ?? 'auto',
    status: access.status === 'ready' ? overallStatus(capabilities) : access.status,
    message: access.status === 'ready' ? summary(access.client.model, capabilities) : access.message,
    capabilities,
    fallbacks,
    ...(calls.length > 0 ? { usage: sumUsage(calls) } : {}),
  };
}

function overallStatus(capabilities: ModelAssistReport[]): ModelSection['status'] {
  const ran = capabilities.filter((report) => report.status !== 'off');
  if (ran.length === 0) return 'off';
  if (ran.every((report) => report.status === 'unavailable')) return 'unavailable';
  return ran.every((report) => report.status === 'used') ? 'used' : 'partial';
}

function summary(model: string, capabilities: ModelAssistReport[]): string {
  if (capabilities.length === 0) return `${model}: no model-assisted step in this run`;
  if (overallStatus(capabilities) === 'unavailable') return MODEL_UNAVAILABLE_MESSAGE;
  return capabilities.map((report) => `${report.capability}: ${report.message}`).join('; ');
}
