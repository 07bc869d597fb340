import type { OptimisationReport } from '../../core/existing-test.ts';
import { elementsSection, gapsSection, operationsSection, requirementsSection } from './markdown-coverage.ts';
import { modelLines, twinsSection } from './markdown-twins.ts';
import {
  conflictsSection,
  duplicatesSection,
  issuesSection,
  outdatedSection,
  suggestionsSection,
} from './markdown-findings.ts';

/** The versioned report as JSON, as `--json` prints it and `optimisation-report.json` holds it. */
export function renderOptimisationJson(report: OptimisationReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The report as Markdown: summary, suggestions first, then every finding and the coverage matrices. */
export function renderOptimisationMarkdown(report: OptimisationReport): string {
  return [
    '# Test suite optimisation',
    '',
    `Tests read from \`${report.inputs.tests}\`${sourcesLine(report)}.`,
    '',
    ...summaryLines(report).map((line) => `- ${line}`),
    '',
    ...issuesSection(report),
    ...suggestionsSection(report),
    '',
    ...duplicatesSection(report),
    '',
    ...outdatedSection(report),
    '',
    ...conflictsSection(report),
    '',
    ...twinsSection(report),
    ...gapsSection(report),
    ...operationsSection(report),
    ...requirementsSection(report),
    ...elementsSection(report),
  ].join('\n');
}

/** A few lines for a terminal: what was read and what was found. */
export function renderOptimisationSummary(report: OptimisationReport): string {
  const top = report.suggestions
    .slice(0, 5)
    .map((suggestion) => `  ${suggestion.rank}. [${suggestion.criticality}] ${suggestion.title}`);
  return [...summaryLines(report), ...(top.length > 0 ? ['Top suggestions:', ...top] : [])].join('\n');
}

function summaryLines(report: OptimisationReport): string[] {
  const summary = report.summary;
  const frameworks = Object.entries(summary.byFramework)
    .map(([framework, count]) => `${count} ${framework}`)
    .join(', ');
  const coverage = Object.entries(summary.coverage).map(
    ([what, figures]) => `${what} covered: ${figures.covered} of ${figures.total}`,
  );
  return [
    `${summary.tests} tests in ${summary.files} files (${frameworks || 'none'})${summary.unreadableFiles > 0 ? `; ${summary.unreadableFiles} file(s) not readable` : ''}`,
    `exact duplicates: ${summary.exactDuplicates}; near-duplicate pairs: ${summary.nearDuplicatePairs}`,
    `outdated tests: ${summary.outdatedTests}; conflicts: ${summary.conflicts}`,
    ...coverage,
    ...(report.twins
      ? [
          `manual cases automated: ${report.twins.pairs.length} of ${report.twins.pairs.length + report.twins.notAutomated.length}`,
        ]
      : []),
    `gaps: ${summary.gaps}; suggestions: ${summary.suggestions}`,
    ...modelLines(report),
  ];
}

function sourcesLine(report: OptimisationReport): string {
  const sources = [
    report.inputs.spec ? `spec \`${report.inputs.spec}\`` : '',
    report.inputs.requirements ? `requirements \`${report.inputs.requirements}\`` : '',
    report.inputs.defects ? `defects \`${report.inputs.defects}\`` : '',
    report.inputs.model ? `site model \`${report.inputs.model}\`` : '',
  ].filter(Boolean);
  return sources.length > 0 ? `, compared with ${sources.join(', ')}` : '';
}
