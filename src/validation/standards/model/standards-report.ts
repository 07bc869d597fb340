import type { TestFileKind } from './source-model.ts';

/**
 * The standards check's result: what `--format json` prints and every renderer reads. Findings
 * carry the rule's recommendation so a report is actionable without the rules file at hand.
 */
export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Display path of the file. */
  file: string;
  line: number;
  column: number;
  message: string;
  recommendation: string;
  /** The test it is about (`TestLogin.test_valid_password`); undefined for findings about the file. */
  test: string | undefined;
}

export interface CheckedTest {
  id: string;
  title: string | undefined;
  line: number;
  /** 0–100: 100 minus the weighted findings of the test and of its file. */
  score: number;
}

export interface FileReport {
  file: string;
  kind: TestFileKind;
  tests: CheckedTest[];
  findings: Finding[];
  /** Mean of the file's test scores; for a file without tests, 100 minus its weighted findings. */
  score: number;
}

/** One change `--fix` made (or could not make, with why). */
export interface FixChange {
  file: string;
  line: number | undefined;
  ruleId: string;
  description: string;
  applied: boolean;
}

export interface StandardsSummary {
  files: number;
  tests: number;
  errors: number;
  warnings: number;
  info: number;
  /** Mean score over every checked test (files without tests count as one), rounded. */
  score: number;
  /** Rules that ran, after the rules file disabled some. */
  rules: string[];
}

export interface StandardsReport {
  version: 1;
  summary: StandardsSummary;
  files: FileReport[];
  /** Present after `--fix`. */
  fixes?: FixChange[];
}
