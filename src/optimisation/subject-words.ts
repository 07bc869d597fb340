import type { ExistingTest } from '../core/existing-test.ts';
import { words } from './similarity.ts';

/**
 * What a test, operation or requirement is about, as stemmed words, plus the action phrases of
 * the operations it calls (`attach`, `set power`): what defect components and summaries are
 * matched against.
 */
export interface Subject {
  words: Set<string>;
  actions: string[][];
  /** `GET /api/v1/disks/{}`: operations as a defect summary may name them. */
  operations: string[];
}

const GENERIC = new Set(['api', 'test', 'tests', 'spec', 'py', 'ts', 'suite', 'page', 'id']);

export function subjectOfTest(test: ExistingTest): Subject {
  const keys = [
    ...test.requests.map((request) => `${request.method} ${request.path}`),
    ...test.labels.operations,
  ];
  const fileStem = test.file
    .split('/')
    .at(-1)!
    .replace(/\.(spec|test)\.\w+$|\.py$/, '')
    .replace(/^test_|_test$/, '');
  return subjectOf([test.labels.feature ?? '', test.labels.story ?? '', ...test.suitePath, fileStem], keys);
}

export function subjectOfOperation(key: string, tag: string | undefined): Subject {
  return subjectOf([tag ?? ''], [key]);
}

export function subjectOfText(texts: string[]): Subject {
  return subjectOf(texts, []);
}

/** `POST /api/v1/disks/{disk_id}/attach` → `POST /api/v1/disks/{}/attach`. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path
    .split('?')[0]!
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\/+$/, '')
    .toLowerCase()}`;
}

export function mergeSubjects(subjects: Subject[]): Subject {
  return {
    words: new Set(subjects.flatMap((subject) => [...subject.words])),
    actions: subjects.flatMap((subject) => subject.actions),
    operations: [...new Set(subjects.flatMap((subject) => subject.operations))],
  };
}

function subjectOf(texts: string[], operationKeys: string[]): Subject {
  const paths = operationKeys.map(pathOfKey);
  const pathWords = paths.flatMap((path) => segmentsOf(path).flatMap(words));
  const all = [...texts.flatMap(words), ...pathWords].filter((word) => !GENERIC.has(word));
  const operations = operationKeys.map((key) => operationKey(key.split(/\s+/)[0] ?? '', pathOfKey(key)));
  return { words: new Set(all), actions: paths.flatMap(actionsOf), operations: [...new Set(operations)] };
}

/** `/api/v1/disks/{disk_id}/attach` → `disks`, `attach`: no versions, parameters or `api`. */
function segmentsOf(path: string): string[] {
  return path
    .split('?')[0]!
    .split('/')
    .filter(
      (segment) =>
        segment && !/^\{.*\}$/.test(segment) && !/^v\d+(\.\d+)*$/i.test(segment) && segment !== 'api',
    );
}

/** Segments after the collection: what the operation does to it (`attach`, `set-power`). */
function actionsOf(path: string): string[][] {
  return segmentsOf(path)
    .slice(1)
    .map((segment) => words(segment))
    .filter((phrase) => phrase.length > 0);
}

function pathOfKey(key: string): string {
  return key.trim().split(/\s+/)[1] ?? '';
}
