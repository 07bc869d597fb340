import type { ManualCaseKind, ManualStep } from '../../core/manual-case.ts';
import type { CaseDraft, CaseDesignOptions } from './case-set.ts';
import { priorityOf } from './case-priority.ts';
import { act, arrange, check, joinWords } from './manual-steps.ts';
import { describeRequirement, requirementDraftBase, type RequirementContext } from './requirement-context.ts';
import { statementKind } from './statement-rules.ts';

// A Gherkin scenario is already a case: Given → Arrange, When → Act (expecting what the first
// Then says), Then → Assert; And/But continue the step before them. Outline rows arrive
// expanded, one requirement each; numeric rows are boundary checks.

interface GherkinStep {
  keyword: 'Given' | 'When' | 'Then';
  text: string;
}

export function gherkinCase(context: RequirementContext, options: CaseDesignOptions): CaseDraft | undefined {
  const [name = '', ...lines] = context.requirement.text.split('\n');
  const steps = parseSteps(lines);
  if (!steps.some((step) => step.keyword === 'Then')) return undefined;
  return {
    ...requirementDraftBase(context, options),
    story: name.replace(/\s*\([^)]*\)$/, ''),
    title: name,
    description: describeRequirement(context),
    kind: kindOf(name, steps),
    priority: priorityOf(context.requirement.text),
    steps: manualSteps(steps, context),
  };
}

function parseSteps(lines: string[]): GherkinStep[] {
  const steps: GherkinStep[] = [];
  for (const line of lines) {
    const [keyword = '', ...rest] = line.split(' ');
    const text = rest.join(' ');
    const previous = steps.at(-1)?.keyword ?? 'Given';
    const resolved = keyword === 'And' || keyword === 'But' ? previous : keyword;
    if (resolved === 'Given' || resolved === 'When' || resolved === 'Then')
      steps.push({ keyword: resolved, text });
  }
  return steps;
}

function manualSteps(steps: GherkinStep[], context: RequirementContext): ManualStep[] {
  const and = context.phrases.and;
  const thens = steps.filter((step) => step.keyword === 'Then').map((step) => step.text);
  const givens = steps.filter((step) => step.keyword === 'Given').map((step) => arrange(step.text));
  const whens = steps.filter((step) => step.keyword === 'When');
  const acts =
    whens.length > 0
      ? whens.map((step, index) =>
          act(step.text, index === whens.length - 1 ? joinWords(thens, and) : context.phrases.done),
        )
      : [act(context.phrases.open(context.place), joinWords(thens, and))];
  const arranged = givens.length > 0 ? givens : [arrange(context.phrases.open(context.place))];
  const action = context.language === 'ru' ? 'Проверить' : 'Check';
  return [...arranged, ...acts, ...thens.map((text) => check(action, text))];
}

function kindOf(name: string, steps: GherkinStep[]): ManualCaseKind {
  const text = [name, ...steps.map((step) => step.text)].join(' ');
  const when = steps
    .filter((step) => step.keyword === 'When')
    .map((step) => step.text)
    .join(' ');
  if (/\(\w+ = -?\d/.test(name) || (/\b\d+\b/.test(when) && /reject|accept|отклон|приним/i.test(text)))
    return 'boundary';
  if (/\b(rejected|refused|error|not allowed|only once|cannot)\b|отклон|ошибк|нельзя/i.test(text))
    return 'negative';
  return statementKind(text);
}
