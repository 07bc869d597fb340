import type { TestLabels } from '../../core/existing-test.ts';
import { calleeName, keyword, stringValue, type CodeExpr } from './code-tree.ts';
import { addTag, emptyLabels, priorityOf } from './test-labels.ts';

export interface DecoratorFacts {
  labels: TestLabels;
  title: string | undefined;
  description: string | undefined;
  /** `@allure.manual` or `@pytest.mark.manual`: an Allure-as-code manual case. */
  manual: boolean;
}

/** pytest marks that configure a run rather than describe the test. */
const RUN_MARKS = new Set(['parametrize', 'usefixtures', 'filterwarnings', 'timeout', 'flaky', 'dependency']);

/**
 * Reads Allure and pytest decorators, class ones first so a method's own win:
 * `@allure.feature/story/suite/title/tag/label/severity/link/issue/testcase/id/manual`,
 * `@pytest.mark.<name>`, `@pytest.mark.testops(case=…, title=…, operation=…)`.
 */
export function readPythonDecorators(decorators: CodeExpr[]): DecoratorFacts {
  const facts: DecoratorFacts = {
    labels: emptyLabels(),
    title: undefined,
    description: undefined,
    manual: false,
  };
  for (const decorator of decorators) apply(facts, decorator);
  return facts;
}

function apply(facts: DecoratorFacts, decorator: CodeExpr): void {
  const call = decorator.t === 'call' ? decorator : undefined;
  const name = calleeName(call ? call.callee : decorator).replace(/^allure_commons\./, 'allure.');
  const args = (call?.args ?? []).map((arg) => stringValue(arg) ?? enumName(arg));
  const [first, second] = args;
  const labels = facts.labels;
  if (name.startsWith('pytest.mark.')) return pytestMark(facts, name.slice('pytest.mark.'.length), call);
  switch (name) {
    case 'allure.feature':
      labels.feature = first ?? labels.feature;
      return;
    case 'allure.story':
      labels.story = first ?? labels.story;
      return;
    case 'allure.suite':
      labels.suite = first ?? labels.suite;
      return;
    case 'allure.title':
      facts.title = first ?? facts.title;
      return;
    case 'allure.description':
      facts.description = first ?? facts.description;
      return;
    case 'allure.tag':
      return args.forEach((tag) => tag && addTag(labels, tag));
    case 'allure.severity':
      labels.priority = (first ? priorityOf(first) : undefined) ?? labels.priority;
      return;
    case 'allure.label':
      return label(facts, first, second);
    case 'allure.link':
    case 'allure.issue':
    case 'allure.testcase':
      if (first)
        labels.links.push({ url: first, name: stringValue(call && keyword(call, 'name')) ?? second });
      return;
    case 'allure.id':
      labels.caseId = first ?? labels.caseId;
      return;
    case 'allure.manual':
      facts.manual = true;
      return;
  }
}

function label(facts: DecoratorFacts, name: string | undefined, value: string | undefined): void {
  if (!name || value === undefined) return;
  const key = name.toLowerCase();
  if (key === 'priority' || key === 'severity')
    facts.labels.priority = priorityOf(value) ?? facts.labels.priority;
  else if (key === 'owner') facts.labels.owner = value;
  else if (key === 'feature') facts.labels.feature = value;
  else if (key === 'story') facts.labels.story = value;
  else if (key === 'tag') addTag(facts.labels, value);
  else if (key === 'as_id' || key === 'allure_id') facts.labels.caseId = value;
}

function pytestMark(facts: DecoratorFacts, mark: string, call: (CodeExpr & { t: 'call' }) | undefined): void {
  if (mark === 'manual') facts.manual = true;
  else if (mark === 'skip' || mark === 'skipif' || mark === 'xfail') facts.labels.skipped = true;
  else if (mark === 'testops' && call) {
    facts.labels.caseId = stringValue(keyword(call, 'case')) ?? facts.labels.caseId;
    facts.title = stringValue(keyword(call, 'title')) ?? facts.title;
    const operation = stringValue(keyword(call, 'operation'));
    if (operation) facts.labels.operations.push(operation);
  } else if (!RUN_MARKS.has(mark)) addTag(facts.labels, mark);
}

/** `allure.severity_level.CRITICAL` → `CRITICAL`. */
function enumName(expr: CodeExpr): string | undefined {
  return expr.t === 'attr' ? expr.name : undefined;
}
