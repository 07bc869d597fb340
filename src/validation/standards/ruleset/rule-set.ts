import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { TestopsError } from '../../../core/errors.ts';
import { readRulesFile } from './rules-file.ts';
import type { RuleDefinition, RuleOverride, RuleSet, RulesOverrides } from './rule-types.ts';

const DEFAULT_RULES_URL = new URL('./default-rules.yaml', import.meta.url);
let defaults: Promise<RuleSet> | undefined;

/** The shipped rule set (`default-rules.yaml`), read once per process. */
export function defaultRuleSet(): Promise<RuleSet> {
  defaults ??= readFile(DEFAULT_RULES_URL, 'utf8').then((text) => {
    const { allowedHosts, scoring, phases, rules } = parse(text) as Omit<RuleSet, 'disabled'>;
    return { allowedHosts, scoring, phases, rules, disabled: [] };
  });
  return defaults;
}

/** The default rule set with a user's rules file (if any) and the `--target` host applied. */
export async function loadRuleSet(options: { rulesFile?: string; target?: string } = {}): Promise<RuleSet> {
  const base = await defaultRuleSet();
  const overrides = options.rulesFile ? await readRulesFile(options.rulesFile, base) : {};
  const merged = applyOverrides(base, overrides);
  if (options.target) merged.allowedHosts = [...merged.allowedHosts, targetHost(options.target)];
  return merged;
}

export function applyOverrides(base: RuleSet, overrides: RulesOverrides): RuleSet {
  const rules: RuleDefinition[] = [];
  const disabled: string[] = [];
  for (const rule of base.rules) {
    const changed = applyRuleOverride(rule, overrides.rules?.[rule.id]);
    if (changed) rules.push(changed);
    else disabled.push(rule.id);
  }
  return {
    // A rules file adds hosts: the loopback defaults stay allowed.
    allowedHosts: [...base.allowedHosts, ...(overrides.allowedHosts ?? [])],
    scoring: { ...base.scoring, ...overrides.scoring },
    phases: { ...base.phases, ...overrides.phases },
    rules,
    disabled,
  };
}

function applyRuleOverride(
  rule: RuleDefinition,
  override: RuleOverride | undefined,
): RuleDefinition | undefined {
  if (override === undefined) return rule;
  if (override === 'off') return undefined;
  if (typeof override === 'string') return { ...rule, severity: override };
  if (override.enabled === false) return undefined;
  return {
    ...rule,
    severity: override.severity ?? rule.severity,
    appliesTo: override.appliesTo ?? rule.appliesTo,
    recommendation: override.recommendation ?? rule.recommendation,
    parameters: { ...rule.parameters, ...override.parameters },
  };
}

function targetHost(target: string): string {
  try {
    return new URL(target).hostname.replace(/^\[|\]$/g, '');
  } catch {
    throw new TestopsError('TESTOPS_INVALID_ARGUMENT', `--target "${target}" is not a URL`, {
      where: '--target',
      expected: 'the base URL of the system under test, e.g. http://127.0.0.1:4010',
      hint: 'pass an absolute http(s) URL; requests to any other host are then reported.',
    });
  }
}
