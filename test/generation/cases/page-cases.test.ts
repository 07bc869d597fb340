import { describe, expect, it } from 'vitest';
import type { ManualCaseSet } from '../../../src/core/manual-case.ts';
import { priceCalculatorSiteModel as site } from '../ui/fixtures/price-calculator/site-model.ts';
import { expectWellFormed, pageCases } from './case-targets.ts';

const byTitle = (set: ManualCaseSet, title: string) => {
  const found = set.cases.find((manualCase) => manualCase.title === title);
  if (!found)
    throw new Error(`no case "${title}" in\n${set.cases.map((manualCase) => manualCase.title).join('\n')}`);
  return found;
};

describe('cases from an explored site model (the price calculator)', () => {
  it('gives well-formed cases for every page and every block that shows something', () => {
    const set = pageCases();
    expectWellFormed(set);
    expect(set.cases.length).toBeGreaterThanOrEqual(25);
    const features = new Set(set.cases.map((manualCase) => manualCase.feature));
    expect(features).toEqual(
      new Set([
        'Estimate the cost of cloud services',
        'Product catalogue',
        'Configure Virtual Machine',
        'Your estimate',
      ]),
    );
    const configure = site.pages.find((page) => page.id === 'configure-vm')!;
    const blocks = new Set(
      configure.elements.filter((element) => element.visible).map((element) => element.region),
    );
    const covered = new Set(
      set.cases.flatMap((manualCase) =>
        manualCase.trace.map((trace) => (trace.kind === 'element' ? trace.element : '')),
      ),
    );
    for (const block of blocks) {
      const ids = configure.elements
        .filter((element) => element.region === block && element.visible)
        .map((element) => element.id);
      expect(
        ids.some((id) => covered.has(id)),
        String(block),
      ).toBe(true);
    }
    expect(new Set(set.cases.map((manualCase) => manualCase.kind))).toEqual(
      new Set(['visibility', 'interaction', 'boundary', 'validation', 'navigation', 'mobile']),
    );
    expect(set.unused.map((entry) => entry.ref)).toEqual(site.issues.map((issue) => issue.url));
  });

  it('limits from constraints: 99 accepted and 100 rejected with the observed values, 1 the minimum', () => {
    const set = pageCases();
    const accepted = byTitle(
      set,
      'Configure Virtual Machine: "Number of instances" 99 is accepted (maximum)',
    );
    expect(accepted.steps.map((step) => step.expected).join('\n')).toContain('to "357 390,00 ₽ per month"');
    const rejected = byTitle(
      set,
      'Configure Virtual Machine: "Number of instances" 100 is rejected (above the maximum 99)',
    );
    expect(rejected.steps.find((step) => step.phase === 'act')).toMatchObject({
      action: 'Enter 100 in the "Number of instances" field',
      expected:
        'The text "Enter a whole number from 1 to 99" appears and the "Number of instances" field becomes invalid',
    });
    expect(rejected.steps.map((step) => step.expected)).toContain(
      'The "Add to estimate" button becomes disabled',
    );
    const minimum = byTitle(set, 'Configure Virtual Machine: "Number of instances" 1 is accepted (minimum)');
    expect(minimum.kind).toBe('boundary');
    // The observed 99/100 interactions are those boundary cases, not extra interaction cases.
    expect(
      set.cases.filter(
        (manualCase) =>
          manualCase.kind === 'interaction' &&
          /Enter (99|100) in the "Number of instances"/.test(manualCase.title),
      ),
    ).toEqual([]);
  });

  it('each observed interaction with its effect, form validation, navigation and mobile layout', () => {
    const set = pageCases();
    const region = set.cases.find((manualCase) =>
      manualCase.title.startsWith('Configure Virtual Machine: select "Saint Petersburg (ru-north-1)"'),
    )!;
    expect(region.priority).toBe('CRITICAL');
    expect(region.steps.map((step) => step.expected)).toContain('The "GPU" select becomes disabled');
    const form = byTitle(
      set,
      'Configure Virtual Machine: Configure Virtual Machine form rejects empty fields "vCPU", "RAM, GB", "Disk size, GB" and "Number of instances"',
    );
    expect(form.steps.at(-1)!.expected).toBe(
      'It is marked invalid with the message "Enter a whole number from 1 to 99"',
    );
    byTitle(
      set,
      'Configure Virtual Machine: the "Catalogue" link in the "Breadcrumb" navigation opens Product catalogue (/catalog)',
    );
    const mobile = byTitle(set, 'Your estimate: mobile layout at 390×844 keeps the content on screen');
    expect(mobile.steps[0]!.action).toBe(
      'Start a fresh browser session with a 390×844 window and no saved data',
    );
    expect(
      set.cases.filter((manualCase) => manualCase.title.includes('the navigation opens from')),
    ).toHaveLength(1);
  });

  it('reports interactions that were not reproducible instead of asserting on them', () => {
    const pages = site.pages.map((page) =>
      page.id === 'configure-vm'
        ? {
            ...page,
            interactions: page.interactions.map((interaction) =>
              interaction.id === 'fill-vcpu-4' ? { ...interaction, reproducible: false } : interaction,
            ),
          }
        : page,
    );
    const set = pageCases({ ...site, pages });
    expect(set.unused).toContainEqual({
      ref: 'configure-vm: fill-vcpu-4',
      reason: 'the interaction did not give the same effects twice',
    });
  });
});
