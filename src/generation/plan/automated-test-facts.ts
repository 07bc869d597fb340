import type { ExistingTest, TestPriority } from '../../core/existing-test.ts';
import type { CasePriority } from '../../core/manual-case.ts';
import { operationWords, tokens } from './case-words.ts';
import type { AutomatedTestFact } from './existing-coverage.ts';

const PRIORITY: Record<TestPriority, CasePriority> = { critical: 'CRITICAL', normal: 'NORMAL', low: 'LOW' };
const ISSUE_KEY = /\b[A-Z][A-Z0-9]+-\d+\b/g;

/** The existing-tests reader's facts, reduced to what coverage and prioritisation compare. */
export function automatedTestFacts(tests: readonly ExistingTest[]): AutomatedTestFact[] {
  return tests.filter((test) => !test.labels.skipped).map(automatedTestFact);
}

function automatedTestFact(test: ExistingTest): AutomatedTestFact {
  const operations: AutomatedTestFact['operations'] = [
    ...test.labels.operations.map((operation) => ({ operation, status: undefined })),
    ...test.requests.flatMap((request): AutomatedTestFact['operations'] => {
      const operation = `${request.method} ${request.path}`;
      if (request.expectedStatuses.length === 0) return [{ operation, status: undefined }];
      return request.expectedStatuses.map((status) => ({ operation, status }));
    }),
  ];
  const statement = [
    test.title,
    test.description ?? '',
    ...test.labels.tags,
    test.labels.feature ?? '',
    test.labels.story ?? '',
  ]
    .join(' \n ')
    .toLowerCase();
  const methods = operations.map((entry) => entry.operation.split(' ')[0]?.toUpperCase() ?? '');
  return {
    id: test.id,
    title: test.title,
    file: test.file,
    operations,
    references: references(test),
    priority: test.labels.priority ? PRIORITY[test.labels.priority] : undefined,
    signals: {
      text: statement,
      methods,
      authCheck: test.requests.some((request) => request.auth !== undefined),
    },
    words: new Set(aboutTexts(test, operations).flatMap(tokens)),
  };
}

function references(test: ExistingTest): string[] {
  const texts = [
    test.title,
    ...test.labels.tags,
    ...test.labels.links.map((link) => `${link.name ?? ''} ${link.url}`),
  ];
  const keys = texts.flatMap((text) => text.match(ISSUE_KEY) ?? []);
  return [...new Set([...(test.labels.caseId ? [test.labels.caseId] : []), ...keys])];
}

/** Feature, story, suites, tags, file name and paths: what the test is about, as for a case. */
function aboutTexts(test: ExistingTest, operations: { operation: string }[]): string[] {
  const fileName =
    test.file
      .split('/')
      .at(-1)
      ?.replace(/\.(spec|test)\.[jt]s$|\.py$/, '')
      .replace(/^test_/, '') ?? '';
  const paths = operations.map((entry) => operationWords(entry.operation));
  return [
    test.labels.feature ?? '',
    test.labels.story ?? '',
    ...test.suitePath,
    ...test.labels.tags,
    fileName,
    ...paths,
  ];
}
