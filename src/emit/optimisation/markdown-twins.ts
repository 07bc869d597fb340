import type { OptimisationReport } from '../../core/existing-test.ts';
import { markdownTable, testLabel } from './markdown-table.ts';

/** Which manual cases are automated (and by which test), and which are left to automate. */
export function twinsSection(report: OptimisationReport): string[] {
  const twins = report.twins;
  if (!twins) return [];
  const pairs = twins.pairs.map((pair) => [
    testLabel(pair.manual),
    testLabel(pair.automated),
    `${Math.round(pair.similarity * 100)}%`,
  ]);
  return [
    `## Manual cases and their automated twins (similarity ≥ ${twins.threshold}, ${report.inputs.similarity})`,
    '',
    '### Automated',
    '',
    markdownTable(['manual case', 'automated by', 'similarity'], pairs),
    '',
    '### Not automated',
    '',
    twins.notAutomated.length === 0
      ? '_None._'
      : twins.notAutomated.map((ref) => `- ${testLabel(ref)}`).join('\n'),
    '',
  ];
}

/** One line per model outcome: what the model added, or that the result is the deterministic one. */
export function modelLines(report: OptimisationReport): string[] {
  if (!report.model) return [];
  return [`model (${report.model.mode}): ${report.model.message}`, ...report.model.fallbacks];
}
