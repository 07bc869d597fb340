import { describe, expect, it } from 'vitest';
import { MANUAL_CASES_VERSION, type ManualCase, type ManualCaseSet } from '../../../src/core/manual-case.ts';
import { emitManualCases } from '../../../src/emit/cases/emit-manual-cases.ts';
import { UniqueNames } from '../../../src/emit/cases/python-names.ts';

function manyCases(count: number): ManualCaseSet {
  const cases: ManualCase[] = Array.from({ length: count }, (_, index) => ({
    id: `case_${index}`,
    title: `Case ${index}`,
    description: 'Checks REQ-1',
    feature: 'Checkout',
    story: `Story ${index % 3}`,
    suite: 'UI',
    owner: 'qa',
    priority: 'NORMAL',
    tags: ['positive'],
    links: [],
    preconditions: [],
    steps: [{ phase: 'assert', action: 'Check', expected: 'It works' }],
    trace: [{ kind: 'requirement', id: 'REQ-1', text: 'It works' }],
    kind: 'positive',
  }));
  return {
    version: MANUAL_CASES_VERSION,
    title: 'Shop',
    source: { kind: 'requirements', location: 'r.md' },
    requirements: [],
    cases,
    unused: [],
  };
}

describe('case emitters on large sets', () => {
  // One feature's lines were spread as push() arguments: past ~120,000 lines (a 1 MB
  // document) the Markdown emitter threw "Maximum call stack size exceeded".
  it('Markdown: 20,000 cases of one feature (260,000 lines) are written without a stack overflow', () => {
    const markdown = emitManualCases(manyCases(20_000), 'markdown')['test-cases.md']!;
    expect(markdown.split('\n').length).toBeGreaterThan(200_000);
    expect(markdown).toContain('### Case 19999');
  });

  it('Allure: stories of one feature become one class each, in the order they first appear', () => {
    const module = emitManualCases(manyCases(30), 'allure-python')['tests/test_checkout.py']!;
    expect([...module.matchAll(/^class (\w+):/gm)].map((match) => match[1])).toEqual([
      'TestStory0',
      'TestStory1',
      'TestStory2',
    ]);
    expect(module.match(/def test_/g)).toHaveLength(30);
  });

  // Class names alike ("TestStory", "TestStory2", …) were found by trying every suffix from 2.
  it('class names repeated 5,000 times stay unique, numbered in order', () => {
    const names = new UniqueNames();
    const taken = Array.from({ length: 5_000 }, () => names.take('TestStory'));
    expect(taken.slice(0, 3)).toEqual(['TestStory', 'TestStory2', 'TestStory3']);
    expect(new Set(taken).size).toBe(5_000);
  });
});
