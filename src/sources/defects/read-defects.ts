import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { DefectHistory } from '../../core/defect.ts';
import { TestopsError } from '../../core/errors.ts';
import { readCsvDefects } from './csv-defects.ts';
import { readJiraJsonDefects } from './jira-json-defects.ts';

const MAX_BYTES = 32 * 1024 * 1024;

/**
 * Reads defect history from a Jira JSON export or a CSV file (told apart by content, so a
 * `.txt` export works too). Rows that cannot be read are listed in `issues`, never fatal;
 * a file that is neither format is a TESTOPS_DEFECTS_INVALID error.
 */
export async function readDefects(path: string): Promise<DefectHistory> {
  const file = resolve(path);
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    throw new TestopsError('TESTOPS_SOURCE_NOT_FOUND', 'the defects file does not exist', {
      where: file,
      expected: 'a Jira JSON export or a CSV file',
      hint: 'check the path given to --defects; relative paths resolve from the current directory.',
    });
  }
  if (info.size > MAX_BYTES) {
    throw new TestopsError('TESTOPS_SOURCE_TOO_LARGE', `the defects file is ${info.size} bytes`, {
      where: file,
      expected: `at most ${MAX_BYTES / 1024 / 1024} MB`,
      hint: 'export only the issues of the last year or of the components under test.',
    });
  }
  return parseDefects(await readFile(file, 'utf8'), file);
}

/** Parses defect history text; `file` is what records and errors name. */
export function parseDefects(text: string, file: string): DefectHistory {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  return start.startsWith('{') || start.startsWith('[')
    ? readJiraJsonDefects(start, file)
    : readCsvDefects(text, file);
}
