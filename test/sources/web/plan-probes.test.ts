import { describe, expect, it } from 'vitest';
import type { UiEffect, UiElement } from '../../../src/core/page-model.ts';
import type { ElementFacts } from '../../../src/sources/web/in-page-types.ts';
import { interleaveFamilies } from '../../../src/sources/web/page-links.ts';
import type { CollectedElements } from '../../../src/sources/web/collect-elements.ts';
import { planInteractions } from '../../../src/sources/web/plan-interactions.ts';
import type { PlanContext } from '../../../src/sources/web/plan-interactions.ts';
import { comboPlans, dismissalPlan, repeatPlan } from '../../../src/sources/web/probe-plans.ts';
import type { Observed } from '../../../src/sources/web/probe-plans.ts';

function element(id: string, role: string, name: string, fields: Partial<UiElement> = {}): UiElement {
  return {
    id,
    role,
    name,
    tag: role === 'combobox' ? 'select' : role === 'button' || role === 'tab' ? 'button' : 'input',
    inputType: undefined,
    locator: { strategy: 'role', role, name, exact: true },
    visible: true,
    enabled: true,
    region: 'main',
    value: undefined,
    constraints: undefined,
    destructive: false,
    ...fields,
  };
}

function facts(id: string, fields: Partial<ElementFacts> = {}): ElementFacts {
  return {
    key: `#${id}`,
    tag: 'input',
    inputType: undefined,
    role: '',
    name: '',
    visible: true,
    enabled: true,
    readOnly: false,
    value: undefined,
    checked: undefined,
    expanded: undefined,
    selected: false,
    group: '',
    invalid: false,
    testId: '',
    elementId: '',
    classNames: [],
    placeholder: '',
    labels: [],
    ariaLabel: '',
    text: '',
    href: undefined,
    opensElsewhere: false,
    formKey: undefined,
    submits: false,
    constraints: undefined,
    scopes: [],
    region: 'main',
    url: 'http://127.0.0.1/',
    ...fields,
  };
}

function context(elements: UiElement[], extra: Record<string, Partial<ElementFacts>> = {}): PlanContext {
  return {
    elements,
    facts: new Map(
      elements.map((entry) => [entry.id, facts(entry.id, { value: entry.value, ...extra[entry.id] })]),
    ),
    allowDestructive: false,
    postingForms: new Set(),
  };
}

const numberBox = (id: string, name: string) =>
  element(id, 'spinbutton', name, {
    inputType: 'number',
    value: '2',
    constraints: { type: 'number', min: '1', max: '9', step: '1' },
  });

describe('planning interactions', () => {
  it('tries choices first, then values past a limit, free text, clicks and plain steps last', () => {
    const plans = planInteractions(
      context([
        numberBox('hosts', 'Hosts'),
        element('go', 'button', 'Go'),
        element('name', 'textbox', 'Name', { value: '' }),
        element('size', 'combobox', 'Size', {
          value: 's',
          constraints: {
            options: [
              { value: 's', label: 'S' },
              { value: 'm', label: 'M' },
            ],
          },
        }),
      ]),
    );
    expect(
      plans.map((plan) =>
        `${plan.action.kind} ${plan.action.target} ${'value' in plan.action ? plan.action.value : ''}`.trim(),
      ),
    ).toEqual([
      'select size m',
      'fill hosts 10',
      'fill name test',
      // A text box outside any form may act on Enter alone: typed, then Enter.
      'press name',
      'click go',
      'fill hosts 3',
    ]);
  });

  it('clicks what creates ("New …", "Add …") before the page’s other buttons', () => {
    const plans = planInteractions(
      context([
        element('columns', 'button', 'Columns'),
        element('export', 'button', 'Export'),
        element('new', 'button', 'New item'),
      ]),
    );
    expect(plans.map((plan) => plan.action.target)).toEqual(['new', 'columns', 'export']);
  });

  it('clicks what opens a create ("New …", "Create …") before anything else, never a form\'s own submit', () => {
    const plans = planInteractions(
      context(
        [
          element('archived', 'checkbox', 'Show archived', { inputType: 'checkbox' }),
          element('query', 'searchbox', 'Search', { value: '' }),
          element('filter', 'button', 'Add filter'),
          element('new', 'button', 'New item'),
          element('create', 'button', 'Create account'),
        ],
        { create: { submits: true, formKey: 'signup' } },
      ),
    );
    expect(plans.map((plan) => `${plan.action.kind} ${plan.action.target}`)).toEqual([
      'click new',
      'check archived',
      'fill query',
      'click filter',
      'click create',
    ]);
  });

  it('lets a number box stand for the slider of the same name, and never fills a read-only field', () => {
    const slider = element('cores-slider', 'slider', 'Cores', { inputType: 'range', value: '2' });
    const copy = element('link', 'textbox', 'Link to share', { value: 'x' });
    const plans = planInteractions(
      context([slider, numberBox('cores', 'Cores'), copy], { link: { readOnly: true } }),
    );
    expect(plans.map((plan) => plan.action.target)).toEqual(['cores', 'cores']);
  });

  it('clicks a combobox that is no text field (a select built of a div), and fills one that is', () => {
    const sort = element('sort', 'combobox', 'Sort by', { tag: 'div', value: 'Project name' });
    const city = element('city', 'combobox', 'City', { tag: 'input', inputType: 'text', value: '' });
    const plans = planInteractions(context([sort, city]));
    expect(plans.map((plan) => `${plan.action.kind} ${plan.action.target}`)).toEqual([
      'fill city',
      'click sort',
    ]);
  });
});

const seen = (plan: Observed['plan'], effects: UiEffect[], changed: string[] = []): Observed => ({
  plan,
  effects,
  changed,
  reproducible: true,
});

describe('planning clicks on links', () => {
  it('clicks a link its script handles (href="#", javascript:) like a button, never one that leaves', () => {
    const link = (id: string) => element(id, 'link', '', { tag: 'a', locator: { strategy: 'id', id } });
    const plans = planInteractions(
      context([link('menu'), link('run'), link('away'), link('self')], {
        menu: { href: 'http://127.0.0.1/#' },
        run: { href: 'javascript:void(0)' },
        away: { href: 'http://127.0.0.1/settings#' },
        self: { href: 'http://127.0.0.1/' },
      }),
    );
    expect(plans.map((plan) => plan.action)).toEqual([
      { kind: 'click', target: 'menu' },
      { kind: 'click', target: 'run' },
    ]);
  });
});

describe('probes', () => {
  const tooltip: UiEffect = { kind: 'appeared', target: { strategy: 'role', role: 'tooltip' }, text: 'Help' };

  it('closes with Escape what a click opened', () => {
    const open = { setup: [], action: { kind: 'click' as const, target: 'about' }, restore: [] };
    expect(dismissalPlan(seen(open, [tooltip]))).toMatchObject({
      setup: [open.action],
      action: { kind: 'press', target: 'about', key: 'Escape' },
    });
    expect(dismissalPlan(seen(open, [{ kind: 'url-changed', from: '/a', to: '/b' }]))).toBeUndefined();
  });

  it('creates twice, but never repeats what is not a create', () => {
    const add = element('add', 'button', 'Add to cart');
    const help = element('help', 'button', 'Help');
    const plans = context([add, help]);
    const click = (target: string) => ({
      setup: [],
      action: { kind: 'click' as const, target },
      restore: [],
    });
    const status: UiEffect = {
      kind: 'appeared',
      target: { strategy: 'role', role: 'status' },
      text: 'Added',
    };
    expect(repeatPlan(seen(click('add'), [status]), plans)).toMatchObject({
      setup: [{ kind: 'click', target: 'add' }],
      action: { kind: 'click', target: 'add' },
    });
    expect(repeatPlan(seen(click('help'), [status]), plans)).toBeUndefined();
  });

  it('applies a text filter within a choice that changes the same output', () => {
    const search = element('search', 'searchbox', 'Search');
    const tab = element('tab-b', 'tab', 'B');
    const other = element('tab-c', 'tab', 'C');
    const filter = seen(
      { setup: [], action: { kind: 'fill', target: 'search', value: 'x' }, restore: [] },
      [tooltip],
      ['#status'],
    );
    const choose = seen(
      {
        setup: [],
        action: { kind: 'click', target: 'tab-b' },
        restore: [{ kind: 'click', target: 'tab-a' }],
      },
      [tooltip],
      ['#status'],
    );
    const unrelated = seen(
      { setup: [], action: { kind: 'click', target: 'tab-c' }, restore: [] },
      [tooltip],
      ['#elsewhere'],
    );
    expect(comboPlans([filter, choose, unrelated], context([search, tab, other]), 2)).toEqual([
      {
        setup: [{ kind: 'click', target: 'tab-b' }],
        action: { kind: 'fill', target: 'search', value: 'x' },
        restore: [{ kind: 'click', target: 'tab-a' }],
      },
    ]);
  });
});

describe('interleaveFamilies', () => {
  it('takes discovered pages from each family of controls in turn', () => {
    const links = ['a', 'b', 'c'].map((name) =>
      element(`link-${name}`, 'link', name, { region: 'region "Popular"' }),
    );
    const buttons = ['d', 'e'].map((name) => element(`button-${name}`, 'button', `Configure ${name}`));
    const collected = { elements: [...links, ...buttons] } as CollectedElements;
    const found = [...links, ...buttons].map((entry) => ({
      url: `http://127.0.0.1/${entry.name}`,
      via: entry.id,
    }));
    expect(interleaveFamilies(found, collected).map((entry) => entry.via)).toEqual([
      'link-a',
      'button-d',
      'link-b',
      'button-e',
      'link-c',
    ]);
  });
});
