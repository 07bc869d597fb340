import type { ApiModel } from '../../core/api-model.ts';
import type { ManualCase, ManualCaseSet } from '../../core/manual-case.ts';
import type { SiteModel } from '../../core/page-model.ts';
import { apiVariables } from './api-variables.ts';
import type { PlanEnvironments } from '../../core/test-plan.ts';

// The explorer's sizes: used when the plan is made without a site model (requirements).
const DEFAULT_VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } };

export function planEnvironments(
  set: ManualCaseSet,
  api: ApiModel | undefined,
  site: SiteModel | undefined,
): PlanEnvironments {
  const ui = set.cases.filter((manualCase) => manualCase.suite === 'UI');
  const mobile = ui.some((manualCase) => manualCase.kind === 'mobile');
  const sizes = site?.viewports ?? DEFAULT_VIEWPORTS;
  const baseUrls = [...new Set([...(api?.servers ?? []), ...(site ? [site.origin] : []), ...urlsIn(set)])];
  return {
    baseUrls,
    variables: api ? apiVariables(api) : [],
    browsers:
      ui.length > 0
        ? ['Chromium (desktop and mobile emulation)', 'Firefox and WebKit for the CRITICAL UI cases']
        : [],
    viewports:
      ui.length === 0
        ? []
        : [{ name: 'desktop', ...sizes.desktop }, ...(mobile ? [{ name: 'mobile', ...sizes.mobile }] : [])],
    testData: set.cases.filter(carriesData).map((manualCase) => ({
      feature: manualCase.feature,
      caseId: manualCase.id,
      data: dataOf(manualCase),
    })),
    notes: environmentNotes(set, api, baseUrls),
  };
}

function environmentNotes(set: ManualCaseSet, api: ApiModel | undefined, baseUrls: string[]): string[] {
  const notes: string[] = [];
  if (baseUrls.length === 0)
    notes.push('the input names no base URL: agree one before the entry criteria can be met');
  if (api?.operations.some((operation) => operation.security.length > 0))
    notes.push(
      'a valid credential for the API (API_TOKEN or API_KEY in the generated suite) and a wrong one for auth cases',
    );
  if (set.cases.some((manualCase) => manualCase.kind === 'state-transition'))
    notes.push(
      'state-transition cases create the resources they change and delete them afterwards: a project where that is allowed',
    );
  if (set.cases.some((manualCase) => manualCase.suite === 'API'))
    notes.push(
      'writes (POST/PUT/PATCH/DELETE) run only against loopback hosts unless ALLOW_WRITES=1: use a disposable environment',
    );
  if (set.cases.some((manualCase) => manualCase.suite === 'UI'))
    notes.push('a fresh browser profile per run: UI state such as a saved estimate lives in localStorage');
  return notes;
}

function carriesData(manualCase: ManualCase): boolean {
  return manualCase.kind === 'boundary' || (manualCase.kind === 'validation' && /\d/.test(manualCase.title));
}

/**
 * What a boundary case sends, as its title states it: `GET /api/v1/vms: limit 101 is rejected
 * (422)` → `limit 101 is rejected`. Its steps would add request bodies and versions as noise.
 */
function dataOf(manualCase: ManualCase): string {
  return manualCase.title
    .replace(/^[A-Z]+ \/\S*:\s*/, '')
    .replace(/\s*\(\d{3}\)$/, '')
    .trim();
}

function urlsIn(set: ManualCaseSet): string[] {
  const texts = set.requirements.map((requirement) => requirement.text);
  return texts
    .flatMap((text) => text.match(/https?:\/\/[^\s)>"'`]+/g) ?? [])
    .map((url) => url.replace(/[.,;]$/, ''));
}
