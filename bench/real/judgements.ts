// Findings judged once by a person, with the evidence that decided: a suspected defect is either
// a real bug of the target (`real`) or the engine's mistake (`false`).
import { readFileSync } from 'node:fs';

export interface Judgement {
  target: string;
  kind: 'api' | 'ui';
  /** The title of the test that reported the finding. */
  test: string;
  verdict: 'real' | 'false';
  evidence: string;
}

export interface Finding {
  target: string;
  kind: 'api' | 'ui';
  test: string;
  operation: string;
  expected: string;
  actual: string;
}

export function readJudgements(file: string): Judgement[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { judgements?: Judgement[] };
  return parsed.judgements ?? [];
}

export function judge(finding: Finding, judgements: Judgement[]): Judgement | undefined {
  return judgements.find(
    (judgement) =>
      judgement.target === finding.target &&
      judgement.kind === finding.kind &&
      judgement.test === finding.test,
  );
}
