import { describe, expect, it } from 'vitest';
import type { UiSuite, UiTarget, UiTestCase } from '../../../src/core/ui-test-case.ts';
import { applyCaseRepair, evidenceRefusal } from '../../../src/generation/ui/apply-case-repair.ts';
import { caseLines } from '../../../src/generation/ui/case-lines.ts';
import { caseRepairSchema, type CaseRepairAnswer } from '../../../src/generation/ui/case-repair-proposals.ts';
import { generateUiSuite } from '../../../src/generation/ui/generate-ui-suite.ts';
import { priceCalculatorSiteModel as site } from './fixtures/price-calculator/site-model.ts';

const suite: UiSuite = generateUiSuite(site, { kinds: ['smoke'] });
const configure = site.pages.find((page) => page.id === 'configure-vm')!;

/** A case on the configure page whose only check looks for a button by a name the page lacks. */
const wrong: UiTarget = {
  page: 'configure-vm',
  name: 'addToEstimates',
  locator: { strategy: 'role', role: 'button', name: 'Add to estimates', exact: true },
};
const broken: UiTestCase = {
  id: 'configure-vm-broken',
  title: 'Configure page offers "Add to estimates"',
  kind: 'smoke',
  page: 'configure-vm',
  priority: 'critical',
  viewport: 'desktop',
  steps: [
    {
      title: 'open',
      phase: 'arrange',
      actions: [{ kind: 'goto', page: 'configure-vm', path: configure.path }],
      assertions: [],
    },
    {
      title: 'checks',
      phase: 'assert',
      actions: [],
      assertions: [
        { kind: 'visible', target: wrong },
        { kind: 'title', text: 'Configure a VM' },
      ],
    },
  ],
  covers: ['page configure-vm'],
};

const repair = (changes: CaseRepairAnswer['changes'], id = broken.id) =>
  applyCaseRepair({
    testCase: broken,
    pages: suite.pages,
    site,
    answer: { case: id, changes, explanation: 'fix' },
  });

describe('the repair schema', () => {
  it('accepts the fixed vocabulary and refuses other operations or missing fields', () => {
    expect(
      caseRepairSchema.safeParse({
        case: 'x',
        changes: [{ op: 'replace-target', line: 1, element: 'add-to-estimate' }],
        explanation: '',
      }).success,
    ).toBe(true);
    expect(
      caseRepairSchema.safeParse({ case: 'x', changes: [{ op: 'run-code', code: 'x()' }], explanation: '' })
        .success,
    ).toBe(false);
    expect(
      caseRepairSchema.safeParse({ case: 'x', changes: [{ op: 'replace-target', line: 1 }], explanation: '' })
        .success,
    ).toBe(false);
    // An expected value never changes without a quote as evidence.
    expect(
      caseRepairSchema.safeParse({
        case: 'x',
        changes: [{ op: 'change-expected', line: 2, value: 'x' }],
        explanation: '',
      }).success,
    ).toBe(false);
  });
});

describe('caseLines', () => {
  it('numbers actions and checks, naming targets by element id or saying the model lacks them', () => {
    expect(caseLines(broken, site).map((line) => line.text)).toEqual([
      'open page configure-vm',
      'expect visible configure-vm/(no element of the page model: {"strategy":"role","role":"button","name":"Add to estimates","exact":true})',
      'expect title = "Configure a VM"',
    ]);
  });
});

describe('applyCaseRepair', () => {
  it('replaces a target with an element of the page model, as a member of its page object', () => {
    const applied = repair([{ op: 'replace-target', line: 1, element: 'add-to-estimate' }]);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    const target = (applied.testCase.steps[1]!.assertions[0] as { target: UiTarget }).target;
    const element = configure.elements.find((candidate) => candidate.id === 'add-to-estimate')!;
    expect(target.locator).toEqual(element.locator);
    expect(applied.pages.find((page) => page.id === 'configure-vm')!.locators).toContainEqual(target);
    expect(applied.changes).toEqual([
      expect.stringMatching(/^line 1 \(expect visible .*\): target → add-to-estimate$/),
    ]);
    // The original case and page objects are untouched.
    expect(broken.steps[1]!.assertions[0]).toMatchObject({ target: wrong });
    expect(suite.pages.find((page) => page.id === 'configure-vm')!.locators).not.toContainEqual(target);
  });

  it('rejects a repair naming an element, a page or a line that does not exist', () => {
    expect(repair([{ op: 'replace-target', line: 1, element: 'add-to-basket' }])).toMatchObject({
      ok: false,
      reason: 'names element "add-to-basket", which page configure-vm of the page model does not have',
    });
    expect(repair([{ op: 'open-page', before: 1, page: 'checkout' }])).toMatchObject({
      ok: false,
      reason: 'names page "checkout", which the page model does not have',
    });
    expect(repair([{ op: 'replace-target', line: 9, element: 'add-to-estimate' }])).toMatchObject({
      ok: false,
      reason: 'line 9 is not in the case',
    });
    expect(repair([{ op: 'replace-target', line: 2, element: 'add-to-estimate' }])).toMatchObject({
      ok: false,
      reason: 'line 2 has no element to replace',
    });
  });

  it('rejects the whole repair when one edit is wrong, and one for another case or with no change', () => {
    expect(
      repair([
        { op: 'replace-target', line: 1, element: 'add-to-estimate' },
        { op: 'wait-for', before: 1, element: 'nowhere' },
      ]),
    ).toMatchObject({ ok: false });
    expect(repair([{ op: 'replace-target', line: 1, element: 'add-to-estimate' }], 'other')).toMatchObject({
      ok: false,
      reason: 'repairs case "other", asked about "configure-vm-broken"',
    });
    expect(repair([])).toMatchObject({ ok: false, reason: 'no change proposed' });
  });

  it('adds a wait, a setup click or a page from the fixed vocabulary before the step named', () => {
    const applied = repair([
      { op: 'wait-for', before: 1, element: 'live-price' },
      { op: 'click-first', before: 1, element: 'menu-button' },
      { op: 'open-page', before: 0, page: 'home' },
    ]);
    expect(applied.ok).toBe(true);
    if (!applied.ok) return;
    expect(applied.testCase.steps.map((step) => step.title)).toEqual([
      'open Cloud price calculator — estimate your monthly cost',
      'open',
      'wait for 3 610,00 ₽ per month',
      'click Menu first',
      'checks',
    ]);
    expect(applied.testCase.steps[2]!.assertions[0]).toMatchObject({ kind: 'visible' });
    expect(applied.testCase.steps[3]!.actions[0]).toMatchObject({ kind: 'click' });
  });

  it('never clicks a destructive element as setup', () => {
    const onEstimate = { ...broken, page: 'estimate' };
    const applied = applyCaseRepair({
      testCase: onEstimate,
      pages: suite.pages,
      site,
      answer: {
        case: broken.id,
        changes: [{ op: 'click-first', before: 0, element: 'remove-virtual-machine' }],
        explanation: '',
      },
    });
    expect(applied).toMatchObject({
      ok: false,
      reason: 'remove-virtual-machine looks destructive (delete, pay, sign out): never clicked as setup',
    });
  });

  it('moves a step before another', () => {
    const applied = repair([{ op: 'move-step', line: 2, before: 0 }]);
    expect(applied.ok && applied.testCase.steps.map((step) => step.title)).toEqual(['checks', 'open']);
    expect(repair([{ op: 'move-step', line: 1, before: 2 }])).toMatchObject({
      ok: false,
      reason: 'moves a step before itself',
    });
  });
});

describe('expected values change only with evidence from the page model', () => {
  it('accepts a value quoted from text the page model recorded', () => {
    const applied = repair([
      {
        op: 'change-expected',
        line: 2,
        value: 'Configure Virtual Machine — Cloud price calculator',
        evidence: { quote: 'Configure Virtual Machine — Cloud price calculator' },
      },
    ]);
    expect(applied.ok && applied.testCase.steps[1]!.assertions[1]).toEqual({
      kind: 'title',
      text: 'Configure Virtual Machine — Cloud price calculator',
    });
  });

  it('rejects a value without a recorded quote, or outside its quote', () => {
    expect(
      repair([
        { op: 'change-expected', line: 2, value: 'Configure a VM', evidence: { quote: 'Configure a VM' } },
      ]),
    ).toMatchObject({
      ok: false,
      reason:
        'expected value of line 2 not changed: the quote "Configure a VM" is not text the page model recorded on configure-vm',
    });
    expect(
      repair([
        {
          op: 'change-expected',
          line: 2,
          value: 'Free cloud',
          evidence: { quote: 'Configure Virtual Machine' },
        },
      ]),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('is not in the quoted evidence') });
    expect(repair([{ op: 'change-expected', line: 1, value: 'x', evidence: { quote: 'x' } }])).toMatchObject({
      ok: false,
      reason: 'line 1 checks no expected value',
    });
  });

  it('reads evidence from element values, headings and observed changes, whitespace-normalised', () => {
    expect(evidenceRefusal(configure, '3 610,00 ₽', '3 610,00 ₽  per month')).toBeUndefined();
    expect(evidenceRefusal(configure, 'Monthly price', 'Monthly price')).toBeUndefined();
    expect(evidenceRefusal(configure, '', 'Monthly price')).toMatch(/not in the quoted evidence/);
  });

  it('takes the options a choice offers as evidence, and names where the value was recorded', () => {
    const diskType: UiTarget = {
      page: 'configure-vm',
      name: 'diskType',
      locator: { strategy: 'role', role: 'combobox', name: 'Disk type', exact: true },
    };
    const choice: UiTestCase = {
      ...broken,
      id: 'configure-vm-disk-type',
      steps: [
        broken.steps[0]!,
        {
          title: 'checks',
          phase: 'assert',
          actions: [],
          assertions: [{ kind: 'value', target: diskType, value: 'nvme' }],
        },
      ],
    };
    const change = (value: string, quote: string) =>
      applyCaseRepair({
        testCase: choice,
        pages: suite.pages,
        site,
        answer: {
          case: choice.id,
          changes: [{ op: 'change-expected', line: 1, value, evidence: { quote } }],
          explanation: 'the select offers other values',
        },
      });
    const applied = change('hdd', 'hdd');
    expect(applied.ok && applied.testCase.steps[1]!.assertions[0]).toEqual({
      kind: 'value',
      target: diskType,
      value: 'hdd',
    });
    expect(applied.changes).toEqual([
      'line 1 (expect value configure-vm/disk-type = "nvme"): expected → "hdd" (evidence: "hdd", option value of disk-type on configure-vm)',
    ]);
    expect(change('NVIDIA A100', 'NVIDIA A100').changes[0]).toContain('option label of gpu on configure-vm');
    // A value no option, text or observed change of the page holds stays unchanged.
    expect(change('nvme-fast', 'nvme-fast')).toMatchObject({
      ok: false,
      reason:
        'expected value of line 1 not changed: the quote "nvme-fast" is not text the page model recorded on configure-vm',
      changes: [
        'line 1 (expect value configure-vm/disk-type = "nvme"): expected → "nvme-fast" (evidence: "nvme-fast")',
      ],
    });
  });
});
