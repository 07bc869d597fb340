import type { ManualCase, ManualCaseSet } from '../../core/manual-case.ts';
import { byFeature } from './case-summary.ts';
import { stepAction } from './step-text.ts';
import { traceText } from './trace-text.ts';

// Markdown for people who read cases in a merge request or a wiki: one section per feature,
// each case with its facts, preconditions and a table of steps with expected results.

export function emitMarkdownCases(set: ManualCaseSet): Record<string, string> {
  const groups = [...byFeature(set.cases)];
  const lines = [
    `# ${set.title}`,
    '',
    `${set.cases.length} manual test cases from ${set.source.kind} \`${set.source.location}\`.`,
    '',
    ...groups.map(([feature, cases]) => `- [${feature}](#${anchor(feature)}) — ${cases.length} cases`),
  ];
  // Line by line: spreading a feature's lines as arguments overflows the stack past ~100,000.
  for (const [feature, cases] of groups) {
    lines.push('', `## ${feature}`);
    for (const manualCase of cases) for (const line of renderCase(manualCase)) lines.push(line);
  }
  return { 'test-cases.md': `${lines.join('\n')}\n` };
}

function renderCase(manualCase: ManualCase): string[] {
  const links = manualCase.links
    .map((link) => `[${cell(link.name)}](${link.url.replace(/ /g, '%20')})`)
    .join(', ');
  return [
    '',
    `### ${manualCase.title}`,
    '',
    `\`${manualCase.id}\` · ${manualCase.kind} · **${manualCase.priority}** · ${manualCase.suite} · story: ${manualCase.story} · owner: ${manualCase.owner}`,
    '',
    manualCase.description,
    '',
    `Links: ${links || '—'} · Covers: ${manualCase.trace.map(traceText).join('; ')}`,
    ...(manualCase.preconditions.length > 0
      ? ['', '**Preconditions**', '', ...manualCase.preconditions.map((line) => `- ${line}`)]
      : []),
    '',
    '| # | Step | Expected result |',
    '|---|------|-----------------|',
    ...manualCase.steps.map(
      (step, index) => `| ${index + 1} | ${cell(stepAction(step))} | ${cell(step.expected ?? '')} |`,
    ),
  ];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** GitHub's heading anchors: lower case, spaces to hyphens, punctuation dropped. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}
