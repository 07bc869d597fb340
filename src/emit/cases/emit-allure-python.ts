import type { ManualCaseSet } from '../../core/manual-case.ts';
import { byFeature } from './case-summary.ts';
import { renderAllureModule } from './allure-python-module.ts';
import { UniqueNames, snakeName } from './python-names.ts';

// The Allure TestOps as code project: tests/test_<feature>.py per feature, a pytest.ini that
// registers the `manual` marker (so `--strict-markers` accepts it), and the two packages it
// needs. No conftest.py: the modules stand alone.

export const PYTEST_INI = `[pytest]
testpaths = tests
python_files = test_*.py
python_classes = Test*
python_functions = test_*
markers =
    manual: a manual test case (Allure TestOps as code): a tester performs its steps
`;

export const REQUIREMENTS_TXT = `pytest>=7.4
allure-pytest>=2.13
`;

export function emitAllurePython(set: ManualCaseSet): Record<string, string> {
  const files: Record<string, string> = { 'pytest.ini': PYTEST_INI, 'requirements.txt': REQUIREMENTS_TXT };
  const modules = new UniqueNames('_');
  for (const [feature, cases] of byFeature(set.cases)) {
    const module = modules.take(`test_${snakeName(feature)}`);
    files[`tests/${module}.py`] = renderAllureModule(
      feature,
      cases,
      `${set.source.kind} ${set.source.location}`,
    );
  }
  return files;
}
