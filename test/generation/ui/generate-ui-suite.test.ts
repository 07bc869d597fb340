import { describe, expect, it } from 'vitest';
import type { ObservedInteraction, SiteModel } from '../../../src/core/page-model.ts';
import { generateUiSuite } from '../../../src/generation/ui/generate-ui-suite.ts';
import { priceCalculatorSiteModel } from './fixtures/price-calculator/site-model.ts';
import {
  actionText,
  actionsOf,
  assertionText,
  assertionsOf,
  caseCovering,
  countByKind,
} from './suite-queries.ts';

const suite = generateUiSuite(priceCalculatorSiteModel);

function modelWith(change: (model: SiteModel) => void): SiteModel {
  const model = structuredClone(priceCalculatorSiteModel);
  change(model);
  return model;
}

function configurePage(model: SiteModel) {
  return model.pages.find((page) => page.id === 'configure-vm')!;
}

describe('generateUiSuite on the price calculator model', () => {
  it('designs every kind of case, per page', () => {
    expect(countByKind(suite)).toEqual({
      smoke: 4,
      navigation: 4,
      interaction: 12,
      form: 2,
      boundary: 6,
      mobile: 5,
      accessibility: 4,
      'aria-snapshot': 5,
    });
    expect(suite.pages.map((page) => page.id)).toEqual(['home', 'catalog', 'configure-vm', 'estimate']);
  });

  it('is deterministic, with unique ids and unique titles per page', () => {
    expect(generateUiSuite(structuredClone(priceCalculatorSiteModel))).toEqual(suite);
    expect(new Set(suite.cases.map((testCase) => testCase.id)).size).toBe(suite.cases.length);
    const titles = suite.cases.map((testCase) => `${testCase.page} ${testCase.title}`);
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('asserts every observed effect with its new value, arranged, acted and asserted', () => {
    const region = caseCovering(suite, 'interaction configure-vm/select-region-saint-petersburg');
    expect(region.title).toBe(
      'Select "Saint Petersburg (ru-north-1)" in Region select: live price becomes "3 249,00 ₽ per month" (+3 more checks)',
    );
    expect(region.steps.map((step) => step.phase)).toEqual(['arrange', 'act', 'assert']);
    expect(actionsOf(region).map(actionText)).toEqual([
      'goto configure-vm',
      'select configure-vm.region ru-north-1',
    ]);
    expect(assertionsOf(region).map(assertionText)).toEqual([
      'text configure-vm.livePrice = 3 249,00 ₽ per month',
      'text configure-vm.priceVatNote = Excluding VAT. With VAT 20%: 3 898,80 ₽',
      'state configure-vm.gpu disabled',
      'visible configure-vm.notAvailableInThisRegionAvailableInMoscow',
    ]);
  });

  it('removes only what the test added first, across pages, and checks it is gone', () => {
    const remove = caseCovering(suite, 'interaction configure-vm/remove-added-service');
    expect(actionsOf(remove, 'arrange').map(actionText)).toEqual([
      'goto configure-vm',
      'click configure-vm.addToEstimate',
      'click configure-vm.viewEstimate',
    ]);
    expect(actionsOf(remove, 'act').map(actionText)).toEqual(['click estimate.removeVirtualMachine']);
    expect(assertionsOf(remove).map(assertionText)).toEqual([
      'hidden estimate.virtualMachineArticle',
      'text estimate.estimateStatus = Virtual Machine removed from the estimate.',
      'text estimate.navEstimate = Estimate (0)',
      'visible estimate.yourEstimateIsEmpty',
    ]);
    expect(remove.priority).toBe('critical');
  });

  it('ends every remove or close flow with a "gone" check', () => {
    const closing = suite.cases.filter((testCase) =>
      actionsOf(testCase, 'act').some(
        (action) =>
          (action.kind === 'press' && action.key === 'Escape') ||
          (action.kind === 'click' && /close|remove/i.test(action.target.name)),
      ),
    );
    expect(closing.map((testCase) => testCase.id).sort()).toEqual([
      'configure-vm-interaction-close-ram-help',
      'configure-vm-interaction-remove-added-service',
      'estimate-interaction-close-contact-dialog',
    ]);
    for (const testCase of closing)
      expect(assertionsOf(testCase).some((assertion) => assertion.kind === 'hidden')).toBe(true);
  });

  it('checks limits: at the limit accepted, one past it rejected with the observed message', () => {
    const rejected = caseCovering(suite, 'interaction configure-vm/fill-instances-100');
    expect(rejected.kind).toBe('boundary');
    expect(rejected.title).toMatch(
      /^Number of instances rejects 100 \(maximum 99\): "Enter a whole number from 1 to 99" appears/,
    );
    expect(assertionsOf(rejected).map(assertionText)).toContain('state configure-vm.instances invalid');
    const accepted = caseCovering(suite, 'boundary configure-vm/disk-size minimum 10');
    expect(actionsOf(accepted, 'act').map(actionText)).toEqual(['fill configure-vm.diskSize 10']);
    expect(assertionsOf(accepted).map(assertionText)).toEqual([
      'value configure-vm.diskSize = 10',
      'hidden configure-vm.enterAWholeNumberFrom10To4096',
      'state configure-vm.diskSize valid',
      'state configure-vm.addToEstimate enabled',
    ]);
    // 99 was observed, so no accepted-limit case is synthesised for the instance count.
    expect(
      suite.cases.filter((testCase) =>
        testCase.covers.some((covered) => covered.includes('instances maximum')),
      ),
    ).toEqual([]);
  });

  it('submits forms empty (each message) and with valid values (the observed outcome)', () => {
    const empty = caseCovering(suite, 'form configure-vm/configure-virtual-machine empty submit');
    expect(actionsOf(empty, 'act').map(actionText)).toEqual([
      'fill configure-vm.vcpu ',
      'fill configure-vm.ram ',
      'fill configure-vm.diskSize ',
      'fill configure-vm.instances ',
      'press configure-vm.instances Enter',
    ]);
    expect(assertionsOf(empty).map(assertionText)).toEqual([
      'field-message configure-vm.vcpu says Enter a whole number from 1 to 64',
      'field-message configure-vm.ram says Enter a whole number from 1 to 256',
      'field-message configure-vm.diskSize says Enter a whole number from 10 to 4096',
      'field-message configure-vm.instances says Enter a whole number from 1 to 99',
    ]);
    const valid = caseCovering(suite, 'form configure-vm/configure-virtual-machine valid submit');
    expect(actionsOf(valid, 'arrange').map(actionText)).toEqual([
      'goto configure-vm',
      'fill configure-vm.vcpu 2',
      'fill configure-vm.ram 4',
      'fill configure-vm.diskSize 20',
      'select configure-vm.diskType ssd',
      'select configure-vm.region ru-central-1',
      'select configure-vm.gpu none',
      'fill configure-vm.instances 1',
    ]);
    expect(assertionsOf(valid).map(assertionText)).toContain('text configure-vm.navEstimate = Estimate (1)');
  });

  it('follows internal links to where the model says they lead, one test per target', () => {
    const fromCatalog = suite.cases.filter(
      (testCase) => testCase.kind === 'navigation' && testCase.page === 'catalog',
    );
    // The main menu's link to the estimate was checked on the home page already; its link home
    // is left to the brand link (one test per target and page).
    expect(fromCatalog.map((testCase) => assertionsOf(testCase).map(assertionText))).toEqual([
      ['url /', 'visible home.mainHeading'],
      ['url /configure/vm', 'visible configure-vm.mainHeading'],
    ]);
    const menuLinks = suite.cases.filter((testCase) =>
      testCase.covers.some((covered) => /^link [^/]+\/nav-/.test(covered)),
    );
    expect(menuLinks.map((testCase) => testCase.covers[0])).toEqual([
      'link home/nav-catalogue → catalog',
      'link home/nav-estimate → estimate',
    ]);
    expect(suite.skipped).toContainEqual({
      what: 'link catalog/popular-kubernetes',
      reason: 'http://127.0.0.1:4310/configure/kubernetes was not explored, so where it leads is unknown',
    });
  });

  it('checks the mobile layout and what hides behind the menu at the mobile viewport', () => {
    const menu = caseCovering(suite, 'mobile home menu');
    expect(menu.viewport).toBe('mobile');
    expect(actionsOf(menu, 'act').map(actionText)).toEqual(['click home.menuButton']);
    expect(assertionsOf(menu).map(assertionText)).toContain('in-viewport home.navEstimate');
    const layout = caseCovering(suite, 'mobile home layout');
    expect(assertionsOf(layout).map(assertionText)).toEqual([
      'visible home.brandLink',
      'in-viewport home.brandLink',
      'visible home.menuButton',
      'in-viewport home.menuButton',
      'visible home.addService',
      'in-viewport home.addService',
      'visible home.disclaimer',
      'in-viewport home.disclaimer',
      'no-horizontal-overflow',
    ]);
  });

  it('smoke-tests each page and scans it with axe-core, failing on findings only with failOnA11y', () => {
    const smoke = caseCovering(suite, 'page estimate');
    expect(assertionsOf(smoke).map(assertionText)).toEqual([
      'title',
      'visible estimate.mainHeading',
      'visible estimate.banner',
      'visible estimate.mainNavigation',
      'visible estimate.main',
      'visible estimate.totalComplementary',
      'visible estimate.contentinfo',
      'no-console-errors',
    ]);
    const scan = (failOnA11y: boolean) =>
      assertionsOf(
        caseCovering(generateUiSuite(priceCalculatorSiteModel, { failOnA11y }), 'accessibility home'),
      );
    expect(scan(false)).toContainEqual({
      kind: 'accessibility',
      impacts: ['serious', 'critical'],
      fail: false,
    });
    expect(scan(true)).toContainEqual({
      kind: 'accessibility',
      impacts: ['serious', 'critical'],
      fail: true,
    });
  });

  it('checks each stable region once, even when several pages share it', () => {
    const snapshots = suite.cases.filter((testCase) => testCase.kind === 'aria-snapshot');
    expect(snapshots.map((testCase) => testCase.covers[0])).toEqual([
      'region home/mainNavigation',
      'region home/howItWorksRegion',
      'region home/contentinfo',
      'region catalog/popularProductsRegion',
      'region configure-vm/breadcrumbNavigation',
    ]);
  });

  it('generates only the kinds asked for', () => {
    const only = generateUiSuite(priceCalculatorSiteModel, { kinds: ['smoke', 'boundary'] });
    expect(countByKind(only)).toEqual({ smoke: 4, boundary: 6 });
  });
});

describe('generateUiSuite safety and gaps', () => {
  const remove = (model: SiteModel): ObservedInteraction =>
    configurePage(model).interactions.find((interaction) => interaction.id === 'remove-added-service')!;

  it('never removes data the test did not create itself', () => {
    const model = modelWith((changed) => {
      remove(changed).setup = [{ kind: 'click', target: 'view-estimate' }];
    });
    const generated = generateUiSuite(model);
    expect(
      generated.cases.some((testCase) =>
        testCase.covers.includes('interaction configure-vm/remove-added-service'),
      ),
    ).toBe(false);
    expect(generated.skipped).toContainEqual({
      what: 'interaction configure-vm/remove-added-service',
      reason: '"Remove Virtual Machine" would remove data the test did not create first',
    });
  });

  it('never clicks a destructive control that is not a remove/close flow, nor one in a setup', () => {
    const model = modelWith((changed) => {
      const page = configurePage(changed);
      page.elements.find((element) => element.id === 'add-to-estimate')!.destructive = true;
      page.elements.find((element) => element.id === 'add-to-estimate')!.name = 'Pay now';
    });
    const generated = generateUiSuite(model);
    const clicked = generated.cases.flatMap((testCase) => actionsOf(testCase).map(actionText));
    expect(clicked).not.toContain('click configure-vm.addToEstimate');
    expect(generated.skipped).toEqual(
      expect.arrayContaining([
        {
          what: 'form configure-vm/configure-virtual-machine',
          reason: 'its submit "Pay now" is destructive',
        },
        {
          what: 'interaction configure-vm/remove-added-service',
          reason: 'its setup triggers destructive "Pay now"',
        },
      ]),
    );
  });

  it('skips interactions whose effects were not reproducible, and close flows without a disappearance', () => {
    const model = modelWith((changed) => {
      const page = configurePage(changed);
      page.interactions.find((interaction) => interaction.id === 'select-gpu-t4')!.reproducible = false;
      page.interactions.find((interaction) => interaction.id === 'close-ram-help')!.effects = [];
    });
    const generated = generateUiSuite(model);
    expect(generated.skipped).toEqual(
      expect.arrayContaining([
        { what: 'interaction configure-vm/select-gpu-t4', reason: 'its effects were not reproducible' },
        {
          what: 'interaction configure-vm/close-ram-help',
          reason: 'a remove/close flow without an observed disappearance to check',
        },
      ]),
    );
    expect(countByKind(generated).interaction).toBe(10);
  });

  it('does not assert what the explored app already got wrong: console errors, overflow', () => {
    const model = modelWith((changed) => {
      const page = changed.pages[0]!;
      page.consoleErrors = ['Failed to load promotions: HTTP 404'];
      page.mobile = {
        ...page.mobile!,
        horizontalOverflow: true,
        overflowing: [{ strategy: 'testid', testId: 'wide-table' }],
      };
    });
    const generated = generateUiSuite(model);
    expect(
      assertionsOf(caseCovering(generated, 'page home')).map((assertion) => assertion.kind),
    ).not.toContain('no-console-errors');
    expect(
      assertionsOf(caseCovering(generated, 'mobile home layout')).map((assertion) => assertion.kind),
    ).not.toContain('no-horizontal-overflow');
    expect(generated.skipped.map((entry) => entry.what)).toEqual(
      expect.arrayContaining(['smoke home console', 'mobile home overflow']),
    );
  });
});
