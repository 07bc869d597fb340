import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ManualCaseSet } from '../../../src/core/manual-case.ts';
import { emitManualCases } from '../../../src/emit/cases/emit-manual-cases.ts';
import { className, pyDocstring, pyString } from '../../../src/emit/cases/python-names.ts';
import { allTargets } from '../../generation/cases/case-targets.ts';
import { writeTemp } from './emit-case-files.ts';
import { ALLURE_STUB, checkAllureModules, findPython } from './python-check.ts';

const python = findPython();
let targets: [string, ManualCaseSet][] = [];

beforeAll(async () => {
  targets = await allTargets();
});

describe('Allure TestOps as code (Python)', () => {
  it('is found a Python to check with', () => {
    expect(python, 'set TESTOPS_PYTHON or install python3').toBeDefined();
  });

  it('emits a module per feature, a pytest.ini registering "manual", and no conftest.py', async () => {
    const [, set] = targets.find(([name]) => name === 'full spec')!;
    const files = emitManualCases(set, 'allure-python');
    expect(Object.keys(files).sort()).toEqual([
      'README.md',
      'pytest.ini',
      'requirements.txt',
      'test-cases.json',
      'tests/test_disks.py',
      'tests/test_flavors.py',
      'tests/test_vms.py',
    ]);
    expect(files['pytest.ini']).toMatch(/markers =\n\s+manual: /);
    const module = files['tests/test_disks.py']!;
    expect(module).toContain(
      [
        '@allure.manual',
        '@allure.label("owner", "qa-team")',
        '@allure.feature("Disks")',
        '@allure.story("Создание диска")',
        '@allure.suite("API")',
        '@pytest.mark.manual',
        'class TestSozdanieDiska:',
      ].join('\n'),
    );
    expect(module).toContain(
      [
        '    @allure.title("POST /api/v1/disks: creates a disk (201)")',
        '    @allure.link("http://127.0.0.1:4010/api/v1/disks", name="Endpoint: POST /api/v1/disks")',
        '    @allure.tag("NORMAL")',
        '    @allure.label("priority", "NORMAL")',
        '    def test_post_api_v1_disks_creates_a_disk_201(self) -> None:',
      ].join('\n'),
    );
    expect(module).toContain(
      '        with allure_step("Act: Send POST /api/v1/disks with body {\\"name\\": \\"qa-disk-1\\", \\"project_id\\": \\"$PROJECT_ID\\", \\"size\\": 1} → expected 201 with application/json"):\n            pass',
    );
  });

  it('parses with Python and has the exact shape for every target', async () => {
    if (!python) return;
    for (const [name, set] of targets) {
      const folder = await writeTemp(emitManualCases(set, 'allure-python'));
      const modules = Object.keys(emitManualCases(set, 'allure-python')).filter((path) =>
        path.endsWith('.py'),
      );
      const report = checkAllureModules(
        python,
        modules.map((path) => join(folder, path)),
      );
      expect(report.errors, name).toEqual([]);
      expect(report.methods, name).toBe(set.cases.length);
      expect(report.titles.sort(), name).toEqual(set.cases.map((manualCase) => manualCase.title).sort());
    }
  });

  it('collects under pytest with --strict-markers (allure stubbed)', async () => {
    const pytest = findPython('pytest');
    if (!pytest) return;
    const [, set] = targets.find(([name]) => name === 'requirements ru')!;
    const folder = await writeTemp(emitManualCases(set, 'allure-python'));
    const run = spawnSync(
      pytest,
      ['-m', 'pytest', '--collect-only', '-q', '--strict-markers', '-m', 'manual', '-p', 'no:cacheprovider'],
      {
        cwd: folder,
        encoding: 'utf8',
        env: { ...process.env, PYTHONPATH: ALLURE_STUB, PYTHONDONTWRITEBYTECODE: '1' },
      },
    );
    expect(run.stdout + run.stderr).toContain(`${set.cases.length} tests collected`);
  });

  it('writes any text as a valid Python literal', () => {
    if (!python) return;
    const nasty = 'He said "hi" \\ back\nslash; """triple"""; Кириллица «ёлка»; end\\';
    const source = [
      'import inspect, sys',
      `a = ${pyString(`${nasty}\ttab`)}`,
      'def f():',
      pyDocstring(nasty, '    '),
      'print(a == sys.argv[1] and inspect.cleandoc(f.__doc__) == sys.argv[2], end="")',
    ].join('\n');
    const run = spawnSync(python, ['-c', source, `${nasty}\ttab`, nasty], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('True');
    expect(className('Создание диска')).toBe('TestSozdanieDiska');
    expect(className('Configure Virtual Machine form')).toBe('TestConfigureVirtualMachineForm');
  });
});
