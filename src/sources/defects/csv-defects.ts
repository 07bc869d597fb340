import type { DefectHistory, DefectRecord } from '../../core/defect.ts';
import { TestopsError } from '../../core/errors.ts';
import { normaliseDate } from './defect-dates.ts';
import { parseCsv, type CsvRecord } from './parse-csv.ts';

type Column = 'key' | 'summary' | 'component' | 'priority' | 'created' | 'resolution';

/** Header names (lower case) for each column; Jira's CSV export repeats `Component/s`. */
const HEADER_NAMES: Record<string, Column> = {
  key: 'key',
  'issue key': 'key',
  issue_key: 'key',
  summary: 'summary',
  title: 'summary',
  component: 'component',
  components: 'component',
  'component/s': 'component',
  'component(s)': 'component',
  priority: 'priority',
  severity: 'priority',
  created: 'created',
  'created at': 'created',
  created_at: 'created',
  resolution: 'resolution',
};

/** Defects from a CSV with (at least) key and summary columns; a bad row is reported and skipped. */
export function readCsvDefects(text: string, file: string): DefectHistory {
  const parsed = parseCsv(text);
  const [header, ...rows] = parsed.records;
  const columns = (header?.fields ?? []).map((name) => HEADER_NAMES[name.trim().toLowerCase()]);
  const missing = (['key', 'summary'] as const).filter((column) => !columns.includes(column));
  if (!header || missing.length > 0) throw badHeader(file, missing);
  const history: DefectHistory = { format: 'csv', file, records: [], issues: [] };
  for (const row of rows) {
    const problem = rowProblem(row, header.fields.length);
    if (problem) history.issues.push({ line: row.line, message: problem });
    else if (!cell(row, columns, 'key'))
      history.issues.push({ line: row.line, message: 'the row has no key' });
    else history.records.push(recordOf(row, columns, file));
  }
  if (parsed.unterminated) {
    history.issues.push({
      line: parsed.unterminated.line,
      message: 'a quoted field opened on this line is never closed; the rest of the file was not read',
    });
  }
  return history;
}

function rowProblem(row: CsvRecord, width: number): string | undefined {
  if (row.fields.length === width) return undefined;
  return `the row has ${row.fields.length} fields, the header has ${width}`;
}

function recordOf(row: CsvRecord, columns: (Column | undefined)[], file: string): DefectRecord {
  const components = row.fields
    .filter((_field, index) => columns[index] === 'component')
    .flatMap((value) => value.split(/[;|]/))
    .map((value) => value.trim())
    .filter(Boolean);
  return {
    key: cell(row, columns, 'key')!,
    summary: cell(row, columns, 'summary') ?? '',
    components: [...new Set(components)],
    priority: cell(row, columns, 'priority'),
    created: normaliseDate(cell(row, columns, 'created')),
    resolution: cell(row, columns, 'resolution'),
    source: { file, line: row.line },
  };
}

function cell(row: CsvRecord, columns: (Column | undefined)[], column: Column): string | undefined {
  const index = columns.indexOf(column);
  const value = index < 0 ? undefined : row.fields[index]?.trim();
  return value ? value : undefined;
}

function badHeader(file: string, missing: string[]): TestopsError {
  return new TestopsError('TESTOPS_DEFECTS_INVALID', `the CSV header lacks ${missing.join(' and ')}`, {
    where: `${file}:1`,
    expected: 'a header row naming the columns key, summary, component, priority, created, resolution',
    hint: 'export the issues from the tracker with a header row (Jira: Export → CSV, all fields).',
  });
}
