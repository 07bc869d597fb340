import type { DefectHistory, DefectRecord } from '../../core/defect.ts';
import { TestopsError } from '../../core/errors.ts';
import { normaliseDate } from './defect-dates.ts';
import { arrayElementLines } from './json-element-lines.ts';

type Json = Record<string, unknown>;

/**
 * Defects from a Jira JSON export (`{ "issues": [ { key, fields: { summary, components,
 * priority, created, resolution } } ] }`, the REST search answer) or a bare array of issues.
 * An issue without a key or fields is reported with its line and skipped.
 */
export function readJiraJsonDefects(text: string, file: string): DefectHistory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw invalid(file, `the file is not valid JSON (${(error as Error).message})`);
  }
  const issues = Array.isArray(data) ? data : isObject(data) ? data['issues'] : undefined;
  if (!Array.isArray(issues)) throw invalid(file, 'the JSON has no "issues" array');
  const lines = arrayElementLines(text, Array.isArray(data) ? undefined : 'issues');
  return jiraIssueDefects(issues, { format: 'jira-json', file, lines });
}

/**
 * Defects from Jira issues as its REST search answers them (`{ key, fields }`), read from an
 * export file or fetched with JQL. `file` names the origin (`jira:<JQL>` for a search); `lines`
 * are the issues' lines in a file, else their 1-based index.
 */
export function jiraIssueDefects(
  issues: unknown[],
  origin: { format: DefectHistory['format']; file: string; lines?: number[] },
): DefectHistory {
  const { file } = origin;
  const history: DefectHistory = { format: origin.format, file, records: [], issues: [] };
  issues.forEach((issue: unknown, index) => {
    const line = origin.lines?.[index] ?? index + 1;
    const problem = issueProblem(issue);
    if (problem) history.issues.push({ line, message: `issue ${index + 1}: ${problem}` });
    else history.records.push(recordOf(issue as Json, file, line));
  });
  return history;
}

function issueProblem(issue: unknown): string | undefined {
  if (!isObject(issue)) return 'not an object';
  if (typeof issue['key'] !== 'string' || issue['key'].trim() === '') return 'no "key"';
  if (!isObject(issue['fields'])) return 'no "fields" object';
  return undefined;
}

function recordOf(issue: Json, file: string, line: number): DefectRecord {
  const fields = issue['fields'] as Json;
  const components = Array.isArray(fields['components']) ? fields['components'] : [];
  return {
    key: (issue['key'] as string).trim(),
    summary: typeof fields['summary'] === 'string' ? fields['summary'] : '',
    components: components.flatMap((component) => nameOf(component) ?? []),
    priority: nameOf(fields['priority']),
    created: normaliseDate(typeof fields['created'] === 'string' ? fields['created'] : undefined),
    resolution: nameOf(fields['resolution']),
    source: { file, line },
  };
}

/** Jira nests names (`{ "name": "Blocker" }`); some exports flatten them to strings. */
function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (isObject(value) && typeof value['name'] === 'string') return value['name'].trim() || undefined;
  return undefined;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(file: string, problem: string): TestopsError {
  return new TestopsError('TESTOPS_DEFECTS_INVALID', problem, {
    where: file,
    expected: 'a Jira JSON export ({"issues": [{"key": …, "fields": {…}}]}) or a CSV with a header row',
    hint: 'export with Jira’s REST search (/rest/api/2/search?jql=…) or Export → CSV.',
  });
}
