// Findings judged by a person, with the evidence that decided: a suspected defect is either a
// real bug of the target (`real`) or the engine's mistake (`false`). A judgement names one test
// by its title, or a class of findings by patterns over the title and the actual outcome (a
// large API yields hundreds of findings of a few kinds; each class was checked on its evidence).
import { readFileSync } from 'node:fs';

export interface Judgement {
  target: string;
  kind: 'api' | 'ui';
  /** The exact title of the test that reported the finding… */
  test?: string;
  /** …or regular expressions every finding of the class matches. */
  testPattern?: string;
  actualPattern?: string;
  /** …and, with either, a regular expression over the engine's root-cause signature (how it was reported). */
  causePattern?: string;
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
  /** The root-cause signature of the engine's finding this test is an occurrence of. */
  cause?: string;
}

export function readJudgements(file: string): Judgement[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { judgements?: Judgement[] };
  return parsed.judgements ?? [];
}

function matches(judgement: Judgement, finding: Finding): boolean {
  if (judgement.target !== finding.target || judgement.kind !== finding.kind) return false;
  if (judgement.causePattern !== undefined && !new RegExp(judgement.causePattern).test(finding.cause ?? ''))
    return false;
  if (judgement.test !== undefined) return judgement.test === finding.test;
  if (judgement.testPattern === undefined && judgement.actualPattern === undefined) return false;
  const test = judgement.testPattern === undefined || new RegExp(judgement.testPattern).test(finding.test);
  const actual =
    judgement.actualPattern === undefined || new RegExp(judgement.actualPattern).test(finding.actual);
  return test && actual;
}

/** An exact-title judgement wins over a class; among classes, the first listed. */
export function judge(finding: Finding, judgements: Judgement[]): Judgement | undefined {
  return (
    judgements.find((judgement) => judgement.test !== undefined && matches(judgement, finding)) ??
    judgements.find((judgement) => matches(judgement, finding))
  );
}
