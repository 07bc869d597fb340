import type { ApiOperation } from '../../core/api-model.ts';
import type { ManualStep } from '../../core/manual-case.ts';
import type { ApiCaseContext } from './api-case-context.ts';
import type { CaseDraft } from './case-set.ts';

/** A state-transition case about one resource, anchored on the operation that changes it. */
export function draft(
  context: ApiCaseContext,
  operation: ApiOperation,
  samples: ReturnType<ApiCaseContext['samplesFor']>,
  parts: { title: string; steps: ManualStep[] },
): CaseDraft {
  return {
    ...context.base(operation, samples, context.success(operation)?.status as number | undefined),
    ...parts,
    description: `State transition across operations of the ${context.resources.resourceOf(operation).label} resource.`,
    kind: 'state-transition',
    priority: /delet/i.test(parts.title) ? 'CRITICAL' : 'NORMAL',
  };
}

export function status(context: ApiCaseContext, operation: ApiOperation): string {
  return String(context.success(operation)?.status ?? '2xx');
}
