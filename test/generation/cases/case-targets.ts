import { expect } from 'vitest';
import type { ApiModel } from '../../../src/core/api-model.ts';
import type { ManualCaseSet } from '../../../src/core/manual-case.ts';
import type { SiteModel } from '../../../src/core/page-model.ts';
import type { CaseDesignOptions } from '../../../src/generation/cases/case-set.ts';
import { designApiCases } from '../../../src/generation/cases/design-api-cases.ts';
import { designPageCases } from '../../../src/generation/cases/design-page-cases.ts';
import { designRequirementCases } from '../../../src/generation/cases/design-requirement-cases.ts';
import { buildApiModel } from '../../../src/sources/openapi/build-api-model.ts';
import { loadSpec } from '../../../src/sources/openapi/load-spec.ts';
import { readRequirements } from '../../../src/sources/requirements/read-requirements.ts';
import { priceCalculatorSiteModel } from '../ui/fixtures/price-calculator/site-model.ts';

// The real inputs every case test designs from: the demo compute spec, the case's Evolution
// Compute subset (8 broken operations), the price calculator requirements in four styles and
// the hand-made site model of the calculator (checked against the running app elsewhere).

export const FULL_SPEC = 'examples/compute-api/openapi.yaml';
export const SUBSET_SPEC = 'test/fixtures/specs/evolution-compute-v3.vms-disks-flavors.yaml';
export const REQUIREMENTS = {
  en: 'test/fixtures/requirements/price-calculator.md',
  ru: 'test/fixtures/requirements/price-calculator.ru.md',
  peer: 'test/fixtures/requirements/peer-notes.txt',
  gherkin: 'test/fixtures/requirements/price-calculator.feature',
} as const;

export const OPTIONS: CaseDesignOptions = { owner: 'qa-team' };

export async function apiCases(
  spec: string,
  options = OPTIONS,
): Promise<{ model: ApiModel; set: ManualCaseSet }> {
  const model = buildApiModel(await loadSpec(spec));
  return { model, set: designApiCases(model, spec, options) };
}

export async function requirementCases(file: string, options = OPTIONS): Promise<ManualCaseSet> {
  return designRequirementCases(await readRequirements(file), options);
}

export function pageCases(site: SiteModel = priceCalculatorSiteModel, options = OPTIONS): ManualCaseSet {
  return designPageCases(site, 'test/generation/ui/fixtures/price-calculator', options);
}

export async function allTargets(): Promise<[string, ManualCaseSet][]> {
  return [
    ['full spec', (await apiCases(FULL_SPEC)).set],
    ['subset spec', (await apiCases(SUBSET_SPEC)).set],
    ...(await Promise.all(
      Object.entries(REQUIREMENTS).map(
        async ([name, file]) =>
          [`requirements ${name}`, await requirementCases(file)] as [string, ManualCaseSet],
      ),
    )),
    ['site model', pageCases()],
  ];
}

const PHASES = ['arrange', 'act', 'assert'];

/** What every case of every set must be: unique, traced, linked, Arrange → Act → Assert with expectations. */
export function expectWellFormed(set: ManualCaseSet): void {
  const titles = set.cases.map((manualCase) => manualCase.title.toLowerCase());
  expect(new Set(titles).size).toBe(titles.length);
  expect(new Set(set.cases.map((manualCase) => manualCase.id)).size).toBe(set.cases.length);
  for (const manualCase of set.cases) {
    const where = `${manualCase.id}: ${JSON.stringify(manualCase.steps.map((step) => step.phase))}`;
    expect(manualCase.id, where).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(manualCase.trace.length, where).toBeGreaterThan(0);
    expect(manualCase.links.length, where).toBeGreaterThan(0);
    expect(manualCase.description.length, where).toBeGreaterThan(10);
    const ranks = manualCase.steps.map((step) => PHASES.indexOf(step.phase));
    expect(ranks, where).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks), where).toEqual(new Set([0, 1, 2]));
    for (const step of manualCase.steps.filter((candidate) => candidate.phase !== 'arrange'))
      expect(step.expected?.length ?? 0, `${where} ${step.action}`).toBeGreaterThan(0);
    for (const step of manualCase.steps)
      expect(`${step.action} ${step.expected ?? ''}`, where).not.toMatch(/<[a-z_ ]+>|\bTODO\b|\?\?\?|___/i);
  }
}
