import type { Decorator, TestNode } from '../model/source-model.ts';

/**
 * The Allure labels of a manual case, read from the decorators of its method and of its class
 * (Allure applies class decorators to every method). Each label may be written as its own
 * decorator (`@allure.feature("Cart")`) or as `@allure.label("feature", "Cart")`.
 */
export type LabelName =
  | 'manual'
  | 'manual-marker'
  | 'owner'
  | 'feature'
  | 'story'
  | 'suite'
  | 'title'
  | 'tag'
  | 'priority'
  | 'link';

export const LABEL_NAMES: readonly LabelName[] = [
  'manual',
  'manual-marker',
  'owner',
  'feature',
  'story',
  'suite',
  'title',
  'tag',
  'priority',
  'link',
];

export interface LabelValue {
  /** The literal value; null when it is not a literal, undefined for flags such as @allure.manual. */
  value: string | null | undefined;
  decorator: Decorator;
  /** Where it is declared: the class applies to every method. */
  on: 'class' | 'method';
}

const OWN_DECORATORS: Record<string, LabelName> = {
  'allure.manual': 'manual',
  'pytest.mark.manual': 'manual-marker',
  'allure.feature': 'feature',
  'allure.story': 'story',
  'allure.suite': 'suite',
  'allure.title': 'title',
  'allure.tag': 'tag',
  'allure.link': 'link',
  'allure.issue': 'link',
  'allure.testcase': 'link',
};

const LABEL_KEYS = new Set<string>(['owner', 'feature', 'story', 'suite', 'tag', 'priority']);

const cache = new WeakMap<TestNode, Map<LabelName, LabelValue[]>>();

/** Computed once per test: several rules and the fixer read them. */
export function labelsOf(test: TestNode): Map<LabelName, LabelValue[]> {
  let labels = cache.get(test);
  if (!labels) {
    labels = readLabels(test);
    cache.set(test, labels);
  }
  return labels;
}

function readLabels(test: TestNode): Map<LabelName, LabelValue[]> {
  const labels = new Map<LabelName, LabelValue[]>();
  const add = (name: LabelName, value: LabelValue) => labels.set(name, [...(labels.get(name) ?? []), value]);
  const read = (decorators: Decorator[], on: LabelValue['on']) => {
    for (const decorator of decorators) {
      const own = OWN_DECORATORS[decorator.name];
      if (own === 'tag') decorator.args.forEach((value) => add('tag', { value, decorator, on }));
      else if (own)
        add(own, { value: decorator.called ? (decorator.args[0] ?? null) : undefined, decorator, on });
      else if (decorator.name === 'allure.label' && LABEL_KEYS.has(decorator.args[0] ?? ''))
        decorator.args
          .slice(1)
          .forEach((value) => add(decorator.args[0] as LabelName, { value, decorator, on }));
    }
  };
  read(test.suite?.decorators ?? [], 'class');
  read(test.decorators, 'method');
  return labels;
}
