import type { SourceFile, TestNode } from '../model/source-model.ts';
import { at, type FileRule, type SetRule } from './rule-check.ts';

/** Two cases with one title cannot be told apart in TestOps, in reports or by the tester. */
export const duplicateTitle: FileRule = {
  id: 'duplicate-title',
  checkFile: (file) => {
    const first = new Map<string, TestNode>();
    return file.tests.flatMap((test) => {
      const key = titleKey(file, test);
      if (key === undefined) return [];
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, test);
        return [];
      }
      return [
        {
          ...at(test.titleAt),
          test,
          message: `title "${test.title}" is also the title of ${earlier.id} (line ${earlier.line})`,
        },
      ];
    });
  },
};

/** Across files of one kind only: a pytest test and its Playwright twin may share a title. */
export const duplicateTitleAcrossFiles: SetRule = {
  id: 'duplicate-title-across-files',
  checkSet: (files) => {
    const first = new Map<string, { file: SourceFile; test: TestNode }>();
    const found: {
      file: SourceFile;
      draft: { line: number; column: number; message: string; test: TestNode };
    }[] = [];
    for (const file of files) {
      const inThisFile = new Set<string>();
      for (const test of file.tests) {
        const title = titleKey(file, test);
        if (title === undefined || inThisFile.has(title)) continue;
        inThisFile.add(title);
        const key = `${file.kind}\0${title}`;
        const earlier = first.get(key);
        if (!earlier) first.set(key, { file, test });
        else
          found.push({
            file,
            draft: {
              ...at(test.titleAt),
              test,
              message: `title "${test.title}" is also used in ${earlier.file.display}:${earlier.test.line} (${earlier.test.id})`,
            },
          });
      }
    }
    return found;
  },
};

/** Playwright requires unique titles within their describe block; Python titles are flat. */
function titleKey(file: SourceFile, test: TestNode): string | undefined {
  const title = test.title?.trim();
  if (!title) return undefined;
  return file.language === 'typescript' && test.suite ? `${test.suite.name} › ${title}` : title;
}
