import type { ApiModel } from '../../core/api-model.ts';
import type { ManualCaseSet } from '../../core/manual-case.ts';
import { authCases } from './api-auth-cases.ts';
import { boundaryCases } from './api-boundary-cases.ts';
import { ApiCaseContext } from './api-case-context.ts';
import { errorCases } from './api-error-cases.ts';
import { stateCases } from './api-state-cases.ts';
import { successCase } from './api-success-cases.ts';
import { caseSet, finaliseCases, type CaseDraft, type CaseDesignOptions } from './case-set.ts';

/**
 * One case per documented behaviour of every modelled operation: its success, each error
 * status with a concrete trigger, auth, boundaries from the schema, and the state transitions
 * of each resource. Operations the model could not build (issues) are listed as unused.
 */
export function designApiCases(
  model: ApiModel,
  specSource: string,
  options: CaseDesignOptions,
): ManualCaseSet {
  const context = new ApiCaseContext(model, specSource, options);
  const drafts: CaseDraft[] = [];
  const unused: ManualCaseSet['unused'] = model.issues.map((issue) => ({
    ref: issue.operation,
    reason: `skipped: ${issue.message.split('\n')[0]}`,
  }));
  for (const operation of model.operations) {
    const success = successCase(context, operation);
    if (success) drafts.push(success);
    else unused.push({ ref: operation.key, reason: 'no documented success response' });
    drafts.push(...authCases(context, operation));
    const errors = errorCases(context, operation);
    drafts.push(...errors.drafts, ...boundaryCases(context, operation));
    unused.push(...errors.unused);
  }
  drafts.push(...stateCases(context));
  return caseSet({
    title: `${model.title} ${model.version}`.trim(),
    source: { kind: 'openapi', location: specSource },
    requirements: [],
    cases: finaliseCases(drafts, options.owner),
    unused,
  });
}
