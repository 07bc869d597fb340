import type { TestFileKind } from '../model/source-model.ts';
import type { Severity } from '../model/standards-report.ts';

/**
 * Rules are data: the shape of `default-rules.yaml` and of the rules file a user passes with
 * `--rules` to change it.
 */
export type Phase = 'arrange' | 'act' | 'assert';

export const PHASES: readonly Phase[] = ['arrange', 'act', 'assert'];

export type ParameterValue = string | number | boolean | string[];

export interface RuleDefinition {
  id: string;
  description: string;
  severity: Severity;
  appliesTo: TestFileKind[];
  recommendation: string;
  parameters: Record<string, ParameterValue>;
}

export interface RuleSet {
  allowedHosts: string[];
  scoring: Record<Severity, number>;
  phases: Record<Phase, string[]>;
  /** The rules that run, with the rules file's changes applied. */
  rules: RuleDefinition[];
  disabled: string[];
}

/** `off`, a severity, or the settings to change. */
export type RuleOverride =
  | 'off'
  | Severity
  | {
      enabled?: boolean;
      severity?: Severity;
      appliesTo?: TestFileKind[];
      recommendation?: string;
      parameters?: Record<string, ParameterValue>;
    };

/** A user's rules file: everything optional, every key checked against the default rule set. */
export interface RulesOverrides {
  version?: 1;
  allowedHosts?: string[];
  scoring?: Partial<Record<Severity, number>>;
  phases?: Partial<Record<Phase, string[]>>;
  rules?: Record<string, RuleOverride>;
}
