import type { ApiModel } from '../../core/api-model.ts';
import type { ManualCaseSet } from '../../core/manual-case.ts';
import type { SiteModel } from '../../core/page-model.ts';
import type { PlanFeature, PlanTestType, ScopeEntry } from '../../core/test-plan.ts';

export interface ScopeContext {
  set: ManualCaseSet;
  features: readonly PlanFeature[];
  types: readonly PlanTestType[];
  api: ApiModel | undefined;
  site: SiteModel | undefined;
}

/** In scope: what the cases cover. Out of scope: every input that produced no case, and why. */
export function planScope(context: ScopeContext): { inScope: ScopeEntry[]; outOfScope: ScopeEntry[] } {
  const inScope = context.features.map((feature): ScopeEntry => ({
    item: feature.name,
    kind: 'feature',
    reason: `${feature.cases} cases (${feature.critical} CRITICAL) covering ${summarise(feature.covers)}`,
  }));
  const unused = context.set.unused.map((entry): ScopeEntry => ({
    item: entry.ref,
    kind: 'input',
    reason: entry.reason,
  }));
  // The case generator may already list a broken operation or an unexplored page as unused.
  const reported = new Set(unused.map((entry) => entry.item));
  const outOfScope: ScopeEntry[] = [
    ...unused,
    ...uncoveredRequirements(context.set),
    ...[...skippedOperations(context), ...unvisitedPages(context)].filter(
      (entry) => !reported.has(entry.item),
    ),
    ...context.types
      .filter((type) => type.cases === 0)
      .map((type): ScopeEntry => ({
        item: type.type,
        kind: 'test-type',
        reason: `no case designed (${type.basis})`,
      })),
    {
      item: 'performance, load and resilience',
      kind: 'test-type',
      reason:
        'the case generator designs functional checks only; plan these separately if the release needs them',
    },
  ];
  return { inScope, outOfScope };
}

function uncoveredRequirements(set: ManualCaseSet): ScopeEntry[] {
  const traced = new Set(
    set.cases.flatMap((c) => c.trace.flatMap((t) => (t.kind === 'requirement' ? [t.id] : []))),
  );
  // The case generator names an unused requirement `REQ-1 (file:line)`: match on the id.
  const unused = new Set(set.unused.map((entry) => entry.ref.split(' ')[0]));
  return set.requirements
    .filter((requirement) => !traced.has(requirement.id) && !unused.has(requirement.id))
    .map((requirement): ScopeEntry => ({
      item: requirement.id,
      kind: 'requirement',
      reason: `no case traces it: “${requirement.text}”`,
    }));
}

function skippedOperations({ set, api }: ScopeContext): ScopeEntry[] {
  if (!api) return [];
  const traced = new Set(
    set.cases.flatMap((c) => c.trace.flatMap((t) => (t.kind === 'operation' ? [t.operation] : []))),
  );
  const broken = api.issues.map((issue): ScopeEntry => ({
    item: issue.operation,
    kind: 'operation',
    reason: `not modelled: ${issue.message.split('\n')[0]}`,
  }));
  const untraced = api.operations
    .filter((operation) => !traced.has(operation.key))
    .map((operation): ScopeEntry => ({
      item: operation.key,
      kind: 'operation',
      reason: 'no case designed for it',
    }));
  return [...broken, ...untraced];
}

function unvisitedPages({ set, site }: ScopeContext): ScopeEntry[] {
  if (!site) return [];
  const traced = new Set(
    set.cases.flatMap((c) => c.trace.flatMap((t) => (t.kind === 'element' ? [t.page] : []))),
  );
  const issues = site.issues.map((issue): ScopeEntry => ({
    item: issue.url,
    kind: 'page',
    reason: issue.message,
  }));
  const untraced = site.pages
    .filter((page) => !traced.has(page.id))
    .map((page): ScopeEntry => ({
      item: page.id,
      kind: 'page',
      reason: 'explored, but no case designed for it',
    }));
  return [...issues, ...untraced];
}

function summarise(items: readonly string[]): string {
  if (items.length === 0) return 'no traced input';
  const shown = items.slice(0, 4).join(', ');
  return items.length > 4 ? `${shown} and ${items.length - 4} more` : shown;
}
