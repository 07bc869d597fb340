import type { SourceFile, TestNode } from '../model/source-model.ts';
import type { Finding } from '../model/standards-report.ts';
import type { Phase, RuleSet } from '../ruleset/rule-types.ts';
import { phaseOf } from '../rules/step-phases.ts';
import type { FixPlan } from './fix-plan.ts';

// When any of these also fires, the order is not the only problem: moving steps could hide it.
const OTHER_STEP_PROBLEMS = new Set(['aaa-empty-act', 'aaa-step-naming', 'structure-steps']);
const RANK: Record<Phase, number> = { arrange: 0, act: 1, assert: 2 };

/**
 * Moves a manual case's step blocks into Arrange → Act → Assert order when their order is the
 * only problem: every step names its phase, there is one Act, and the body is nothing but the
 * steps. Each block moves whole (with the comments above it); no line is rewritten.
 */
export function planStepOrderFixes(
  file: SourceFile,
  findings: Finding[],
  ruleSet: RuleSet,
  lines: string[],
): FixPlan {
  const plan: FixPlan = { edits: [], changes: [] };
  const misordered = new Set(findings.filter((f) => f.ruleId === 'aaa-order').map((f) => f.test));
  for (const test of file.tests.filter((candidate) => misordered.has(candidate.id))) {
    const reason = whyNotReorder(test, findings, ruleSet);
    const change = { file: file.display, line: test.steps[0]!.line, ruleId: 'aaa-order' };
    if (reason) {
      plan.changes.push({
        ...change,
        description: `${test.id}: steps not reordered: ${reason}`,
        applied: false,
      });
      continue;
    }
    const chunks = test.steps.map((step, index) => {
      const from = index === 0 ? step.line : test.steps[index - 1]!.endLine + 1;
      const chunk = lines.slice(from - 1, step.endLine);
      while (chunk.length > 1 && chunk[0]!.trim() === '') chunk.shift();
      return { phase: phaseOf(step.text, ruleSet)!, index, chunk };
    });
    const sorted = [...chunks].sort((a, b) => RANK[a.phase] - RANK[b.phase] || a.index - b.index);
    plan.edits.push({
      kind: 'replace',
      from: test.steps[0]!.line,
      to: test.steps[test.steps.length - 1]!.endLine,
      lines: sorted.flatMap((chunk) => chunk.chunk),
    });
    plan.changes.push({
      ...change,
      description: `${test.id}: moved the steps into Arrange, Act, Assert order`,
      applied: true,
    });
  }
  return plan;
}

function whyNotReorder(test: TestNode, findings: Finding[], ruleSet: RuleSet): string | undefined {
  if (findings.some((finding) => finding.test === test.id && OTHER_STEP_PROBLEMS.has(finding.ruleId)))
    return 'the steps have other problems to fix first';
  if (test.body.some((item) => item !== 'doc' && item !== 'step'))
    return 'the body holds more than step blocks';
  const phases = test.steps.map((step) => phaseOf(step.text, ruleSet));
  if (phases.some((phase) => phase === undefined)) return 'a step does not name its phase';
  if (phases.filter((phase) => phase === 'act').length !== 1)
    return 'it has several Act steps, so the intended order is ambiguous';
  return undefined;
}
