import type { SourceFile, SuiteNode, TestNode } from '../model/source-model.ts';
import type { RuleSet } from '../ruleset/rule-types.ts';
import { labelsOf, type LabelName } from '../rules/allure-labels.ts';
import { listParameter } from '../rules/parameters.ts';
import { allowedDefault, featureFromClass, inferSuite } from './infer-labels.ts';
import { indentOf, pythonString, type FixPlan, type LineEdit } from './fix-plan.ts';

// Labels that describe the whole class go on the class, as in the Allure-as-code shape.
const CLASS_LABELS = new Set<LabelName>(['manual', 'manual-marker', 'owner', 'feature', 'story', 'suite']);
const NO_SAFE_DEFAULT = new Set<LabelName>(['link', 'title']);

/**
 * Decorators for missing labels that have a safe default: owner (--owner or "qa"), tag and
 * priority NORMAL, suite inferred from the cases, feature and story from the class name, the
 * manual flags. Links and titles need a person: they are reported as not fixed.
 */
export function planLabelFixes(file: SourceFile, lines: string[], ruleSet: RuleSet, owner: string): FixPlan {
  const required = ruleSet.rules.find((rule) => rule.id === 'labels-required');
  if (!required) return { edits: [], changes: [] };
  const values = ruleSet.rules.find((rule) => rule.id === 'labels-valid-values');
  const allowed = (name: string, fallback: string[]) => (values ? listParameter(values, name) : fallback);
  const plan: FixPlan = { edits: [], changes: [] };
  const wanted = listParameter(required, 'required') as LabelName[];
  const groups = new Map<number, { suite: SuiteNode | undefined; tests: TestNode[] }>();
  for (const test of file.tests) {
    const key = test.suite?.line ?? -test.line;
    groups.set(key, { suite: test.suite, tests: [...(groups.get(key)?.tests ?? []), test] });
  }
  for (const { suite, tests } of groups.values()) {
    const decoratorFor = (name: LabelName): string => {
      const className = suite?.name ?? tests[0]!.name;
      switch (name) {
        case 'manual':
          return '@allure.manual';
        case 'manual-marker':
          return '@pytest.mark.manual';
        case 'owner':
          return `@allure.label("owner", ${pythonString(owner)})`;
        case 'feature':
          return `@allure.feature(${pythonString(featureFromClass(className))})`;
        case 'story':
          return `@allure.story(${pythonString(featureFromClass(className))})`;
        case 'suite':
          return `@allure.suite(${pythonString(inferSuite(className, tests, allowed('suites', ['UI', 'API'])))})`;
        case 'tag':
          return `@allure.tag(${pythonString(allowedDefault('NORMAL', allowed('tags', ['NORMAL'])))})`;
        default:
          return `@allure.label("priority", ${pythonString(allowedDefault('NORMAL', allowed('priorities', ['NORMAL'])))})`;
      }
    };
    for (const name of wanted)
      planLabel(file, lines, plan, { name, suite, tests, decorator: decoratorFor(name) });
  }
  plan.edits.push(...missingImports(file, plan.edits));
  return plan;
}

/** `import pytest` / `import allure` when an added decorator needs them and the file lacks them. */
function missingImports(file: SourceFile, edits: LineEdit[]): LineEdit[] {
  const added = edits.flatMap((edit) => edit.lines).join('\n');
  const needed = ['pytest', 'allure'].filter(
    (module) =>
      added.includes(`@${module}.`) &&
      !file.imports.some(
        (item) => item.module === module && item.name === undefined && item.alias === undefined,
      ),
  );
  if (needed.length === 0) return [];
  // After `import allure` when there is one (sorted order), else before the first import that
  // is not `from __future__` (those must stay first).
  const allure = file.imports.find((item) => item.module === 'allure' && item.name === undefined);
  const first = file.imports.find((item) => item.module !== '__future__');
  const future = file.imports.filter((item) => item.module === '__future__').pop();
  const before =
    allure && !needed.includes('allure') ? allure.line + 1 : (first?.line ?? (future ? future.line + 1 : 1));
  return [{ kind: 'insert', before, lines: needed.map((module) => `import ${module}`) }];
}

function planLabel(
  file: SourceFile,
  lines: string[],
  plan: FixPlan,
  target: { name: LabelName; suite: SuiteNode | undefined; tests: TestNode[]; decorator: string },
): void {
  const { name, suite, tests, decorator } = target;
  const missing = tests.filter((test) => !labelsOf(test).get(name)?.length);
  if (missing.length === 0) return;
  if (NO_SAFE_DEFAULT.has(name)) {
    for (const test of missing)
      plan.changes.push({
        file: file.display,
        line: test.line,
        ruleId: 'labels-required',
        description: `${test.id}: add the ${name} by hand (no safe default)`,
        applied: false,
      });
    return;
  }
  // On the class, unless some method already sets it itself (it would then get two values).
  const onMethods = tests.some((test) =>
    labelsOf(test)
      .get(name)
      ?.some((label) => label.on === 'method'),
  );
  if (suite && CLASS_LABELS.has(name) && !onMethods) {
    insertDecorator(file, lines, plan, suite.line, decorator, `class ${suite.name}`);
    return;
  }
  for (const test of missing) insertDecorator(file, lines, plan, test.line, decorator, test.id);
}

function insertDecorator(
  file: SourceFile,
  lines: string[],
  plan: FixPlan,
  line: number,
  decorator: string,
  where: string,
): void {
  plan.edits.push({ kind: 'insert', before: line, lines: [`${indentOf(lines, line)}${decorator}`] });
  plan.changes.push({
    file: file.display,
    line,
    ruleId: 'labels-required',
    description: `added ${decorator} to ${where}`,
    applied: true,
  });
}
