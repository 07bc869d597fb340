import { readFileSync } from 'node:fs';
import type { UiSuite } from '../../core/ui-test-case.ts';
import { playwrightUiProjectFiles } from './project-files.ts';
import { renderLogIn } from './render-log-in.ts';
import { renderPageObject } from './render-page-object.ts';
import { renderSpecFile } from './render-spec-file.ts';
import { fileStem } from './ts-names.ts';
import { marksOf, withUniqueTexts } from './unique-texts.ts';

export interface EmitUiOptions {
  /** Default APP_BASE_URL of the suite: the origin the model was explored at, usually. */
  baseUrl: string;
}

const RUNTIME_FILES = [
  'fixtures.ts',
  'console-errors.ts',
  'dialogs.ts',
  'forms.ts',
  'layout.ts',
  'accessibility.ts',
  'links.ts',
  'unique-text.ts',
  'writes.ts',
];

/** A standalone Playwright Test project: page objects, one spec file per page, pinned runner. */
export function emitPlaywrightUiSuite(suite: UiSuite, options: EmitUiOptions): Record<string, string> {
  const files: Record<string, string> = { ...playwrightUiProjectFiles(suite, options) };
  for (const name of RUNTIME_FILES)
    files[`support/${name}`] = readFileSync(new URL(`./runtime/${name}`, import.meta.url), 'utf8');
  if (suite.loginSteps?.length) files['support/log-in.ts'] = renderLogIn(suite.loginSteps);
  const marks = marksOf(suite);
  for (const page of suite.pages) {
    files[`pages/${fileStem(page.id)}.page.ts`] = withUniqueTexts(renderPageObject(page), marks);
    const cases = suite.cases.filter((testCase) => testCase.page === page.id);
    if (cases.length > 0)
      files[`tests/${fileStem(page.id)}.spec.ts`] = withUniqueTexts(
        renderSpecFile(suite, page, cases),
        marks,
      );
  }
  return files;
}
