import { basename } from 'node:path';
import { patternParameter } from './parameters.ts';
import { at, type FileRule } from './rule-check.ts';

/** pytest collects `Test*` classes only; PascalCase keeps class names readable in TestOps trees. */
export const namingClass: FileRule = {
  id: 'naming-class',
  checkFile: (file, { rule }) => {
    const pattern = patternParameter(rule, 'pattern');
    return file.suites
      .filter((suite) => !pattern.test(suite.name))
      .map((suite) => ({
        ...at(suite),
        message: `class ${suite.name} does not match ${pattern.source}`,
        recommendation: `Rename it to ${suggestClass(suite.name)}.`,
      }));
  },
};

/** pytest collects `test*` methods only; snake_case is what Python and TestOps expect. */
export const namingMethod: FileRule = {
  id: 'naming-method',
  checkFile: (file, { rule }) => {
    const pattern = patternParameter(rule, 'pattern');
    return file.tests
      .filter((test) => !pattern.test(test.name))
      .map((test) => ({
        ...at(test),
        test,
        message: `method ${test.name} does not match ${pattern.source}`,
        recommendation: `Rename it to ${suggestMethod(test.name)}.`,
      }));
  },
};

/** Runners find tests by file name: a misnamed file is silently never run. */
export const namingFile: FileRule = {
  id: 'naming-file',
  checkFile: (file, { rule }) => {
    const pattern = patternParameter(
      rule,
      file.language === 'python' ? 'pythonPattern' : 'typescriptPattern',
    );
    const name = basename(file.path);
    if (pattern.test(name)) return [];
    return [{ line: 1, column: 1, message: `file name ${name} does not match ${pattern.source}` }];
  },
};

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

function suggestClass(name: string): string {
  const rest = words(name).filter((word, index) => !(index === 0 && word === 'test'));
  return `Test${rest.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('')}`;
}

function suggestMethod(name: string): string {
  const rest = words(name).filter((word, index) => !(index === 0 && word === 'test'));
  return `test_${rest.join('_')}`;
}
