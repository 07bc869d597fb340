import type { ApiModel } from '../core/api-model.ts';
import { timedStage } from '../core/events.ts';
import { FIELD_VALUES_CAPABILITY, proposeFieldValues } from '../generation/api/model-field-values.ts';
import { isSelectedOperation } from '../generation/api/generate-api-suite.ts';
import type { ValueRepair } from '../generation/api/value-repairs.ts';
import { capabilityReport, type ModelRun } from './model-run.ts';

/** Shown per rejected proposal in the log; the count is in the report. */
const REJECTIONS_LOGGED = 10;

/**
 * Realistic request values from the model, each checked against its field's schema, as repairs
 * the suite is designed with (values learned from the target override them). None without a
 * model, or when it fails: then the suite is the deterministic one.
 */
export async function modelTestData(
  run: ModelRun,
  model: ApiModel,
  options: {
    only: string[];
    variables: Record<string, string>;
    outputLanguage?: 'en' | 'ru';
    required: boolean;
  },
): Promise<ValueRepair[]> {
  const client = run.access.client;
  if (!client) return [];
  const { events } = run;
  const { result } = await timedStage(events, 'propose test data', () =>
    proposeFieldValues(client, {
      model,
      operations: model.operations.filter((operation) => isSelectedOperation(operation, options.only)),
      variables: options.variables,
      language: options.outputLanguage ?? 'en',
    }),
  );
  for (const reason of result.rejected.slice(0, REJECTIONS_LOGGED))
    events({ type: 'log', level: 'info', message: `model value rejected: ${reason}` });
  const report = capabilityReport(
    FIELD_VALUES_CAPABILITY,
    client.model,
    { ...result, rejected: result.rejected.length, delivered: result.values.length },
    `gave ${result.values.length} field value(s) valid for their schema`,
  );
  run.record(report);
  if (report.status === 'unavailable' && options.required) throw result.error;
  return result.values;
}
