import type { ManualCase, ManualCaseKind, ManualCaseSet } from '../../core/manual-case.ts';
import type { PlanLevel, PlanRisk, PlanTestType, TestType } from '../../core/test-plan.ts';

interface TypeRule {
  type: TestType;
  kinds: ManualCaseKind[];
  /** Matched against tags and titles, for checks that are no kind of their own. */
  words: RegExp | undefined;
  basis: string;
}

const TYPE_RULES: TypeRule[] = [
  {
    type: 'functional',
    kinds: ['positive', 'state-transition', 'interaction', 'navigation', 'visibility'],
    words: undefined,
    basis: 'positive, state-transition, interaction, navigation and visibility cases',
  },
  {
    type: 'negative',
    kinds: ['negative', 'validation'],
    words: undefined,
    basis: 'negative and validation cases',
  },
  {
    type: 'boundary',
    kinds: ['boundary'],
    words: /\bboundar/,
    basis: 'boundary cases and cases tagged boundary',
  },
  {
    type: 'security',
    kinds: ['auth'],
    words: /\b(security|xss|injection|csrf|permission)/,
    basis: 'auth cases and cases tagged or titled security, XSS, injection, CSRF, permission',
  },
  {
    type: 'accessibility',
    kinds: [],
    words: /\b(a11y|accessib|keyboard|screen reader|aria|contrast|focus)/,
    basis: 'cases tagged or titled a11y, accessibility, keyboard, screen reader, ARIA, contrast, focus',
  },
  {
    type: 'mobile',
    kinds: ['mobile'],
    words: /\b(mobile|viewport|responsive)/,
    basis: 'mobile cases and cases tagged mobile',
  },
];

export function testTypes(cases: readonly ManualCase[]): PlanTestType[] {
  return TYPE_RULES.map((rule) => ({
    type: rule.type,
    cases: cases.filter((manualCase) => matchesType(manualCase, rule)).length,
    basis: rule.basis,
  }));
}

function matchesType(manualCase: ManualCase, rule: TypeRule): boolean {
  if (rule.kinds.includes(manualCase.kind)) return true;
  const text = [manualCase.title, ...manualCase.tags].join(' ').toLowerCase();
  return rule.words !== undefined && rule.words.test(text);
}

/** Which level each check belongs to: rules to unit tests, contracts to API, journeys to UI. */
export function testLevels(set: ManualCaseSet, risks: readonly PlanRisk[]): PlanLevel[] {
  const rules = set.cases.filter(
    (manualCase) => manualCase.kind === 'boundary' || manualCase.kind === 'validation',
  );
  const api = set.cases.filter((manualCase) => manualCase.suite === 'API').length;
  const ui = set.cases.filter((manualCase) => manualCase.suite === 'UI').length;
  const sessions = risks.filter((risk) => risk.level !== 'low');
  return [
    {
      level: 'unit',
      count: rules.length,
      of: 'cases',
      rationale:
        rules.length > 0
          ? `${rules.length} boundary/validation rules are cheapest to pin in developers’ unit tests of the validators; the cases here confirm them end to end`
          : 'no boundary or validation rules among the cases: unit testing is left to the developers’ own suites',
    },
    {
      level: 'api',
      count: api,
      of: 'cases',
      rationale:
        api > 0
          ? `${api} API cases: automate with \`testops generate api --run\` and keep only what passes 3/3`
          : `no API cases: the source (${set.source.kind}) describes no operations`,
    },
    {
      level: 'ui-e2e',
      count: ui,
      of: 'cases',
      rationale:
        ui > 0
          ? `${ui} UI cases: end-to-end in a real browser (Playwright)`
          : `no UI cases: the source (${set.source.kind}) describes no pages`,
    },
    {
      level: 'manual-exploratory',
      count: sessions.length,
      of: 'sessions',
      rationale:
        sessions.length > 0
          ? `one time-boxed session per high/medium-risk feature: ${sessions.map((risk) => risk.feature).join(', ')}`
          : 'no feature is high or medium risk: exploratory testing is optional',
    },
  ];
}
