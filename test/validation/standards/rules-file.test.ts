import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStandards, defaultRuleSet } from '../../../src/validation/standards/index.ts';
import { allFindings, FIXTURES, scratchDir } from './fixture-files.ts';

const PLANTED = join(FIXTURES, 'planted');
let scratch: Awaited<ReturnType<typeof scratchDir>>;

beforeAll(async () => {
  scratch = await scratchDir('rules');
});

afterAll(() => scratch?.remove());

async function rulesFile(name: string, text: string): Promise<string> {
  const path = join(scratch.dir, name);
  await writeFile(path, text);
  return path;
}

describe('rules are data', () => {
  it('ships a default rule set where every rule has an id, severity, kinds and a recommendation', async () => {
    const rules = (await defaultRuleSet()).rules;
    expect(rules.length).toBeGreaterThanOrEqual(20);
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.appliesTo.length).toBeGreaterThan(0);
      expect(rule.recommendation.length).toBeGreaterThan(10);
    }
  });

  it('lets a user rules file disable a rule and raise another to error', async () => {
    const before = await checkStandards([PLANTED]);
    const rules = await rulesFile(
      'team-rules.yaml',
      'rules:\n  security-shell: off\n  duplicate-title-across-files: { severity: error }\n',
    );
    const after = await checkStandards([PLANTED], { rulesFile: rules });
    const ids = allFindings(after).map((finding) => `${finding.ruleId} ${finding.severity}`);
    expect(ids).not.toContain('security-shell error');
    expect(ids).toContain('duplicate-title-across-files error');
    expect(after.summary.warnings).toBe(before.summary.warnings - 1);
    expect(after.summary.errors).toBe(before.summary.errors);
    expect(after.summary.rules).not.toContain('security-shell');
  });

  it('takes parameters and allowed hosts from a JSON rules file', async () => {
    const rules = await rulesFile(
      'team-rules.json',
      JSON.stringify({
        allowedHosts: ['evil.example.com'],
        rules: { 'labels-valid-values': { parameters: { tags: ['CRITICAL', 'NORMAL', 'LOW', 'HIGH'] } } },
      }),
    );
    const ids = allFindings(await checkStandards([PLANTED], { rulesFile: rules })).map((f) => f.ruleId);
    expect(ids).not.toContain('security-foreign-host');
    expect(ids).not.toContain('labels-valid-values');
  });

  it.each([
    [
      'a wrong severity',
      'rules:\n  naming-file:\n    severity: fatal\n',
      ':3:15',
      'one of: error, warning, info',
    ],
    ['an unknown rule', 'rules:\n  aaa-ordr: off\n', ':2:3', 'aaa-order'],
    [
      'a parameter of the wrong type',
      'rules:\n  labels-required: { parameters: { required: owner } }\n',
      ':2:46',
      'list',
    ],
    [
      'an invalid pattern',
      'rules:\n  naming-class: { parameters: { pattern: "(Test" } }\n',
      ':2:42',
      'regular expression',
    ],
    ['broken YAML', 'rules: [off\n', ':2:1', 'YAML or JSON'],
  ])(
    'rejects a rules file with %s, saying where, what was expected and how to fix it',
    async (_, text, at, hint) => {
      const path = await rulesFile('bad-rules.yaml', text);
      const error = await checkStandards([PLANTED], { rulesFile: path }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: 'TESTOPS_INVALID_ARGUMENT' });
      const {
        where,
        expected,
        hint: tip,
        message,
      } = error as { where: string; expected: string; hint: string; message: string };
      expect(where).toContain(`${path}${at}`);
      expect(expected).toBeTruthy();
      expect(tip).toBeTruthy();
      expect(`${message}\n${expected}\n${tip}`).toContain(hint);
    },
  );
});
