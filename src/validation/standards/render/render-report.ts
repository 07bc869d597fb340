import type { StandardsReport } from '../model/standards-report.ts';
import { renderJunit } from './render-junit.ts';
import { renderMarkdown } from './render-markdown.ts';
import { renderText } from './render-text.ts';

export type StandardsFormat = 'text' | 'json' | 'markdown' | 'junit';

export const STANDARDS_FORMATS: readonly StandardsFormat[] = ['text', 'json', 'markdown', 'junit'];

/** The report in the format `--format` asks for; JSON is the report itself. */
export function renderStandardsReport(report: StandardsReport, format: StandardsFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
    case 'markdown':
      return renderMarkdown(report);
    case 'junit':
      return renderJunit(report);
    case 'text':
      return renderText(report);
  }
}
