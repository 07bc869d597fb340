import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { isTestopsError } from '../../src/core/errors.ts';
import { readFailures } from '../../src/triage/read-failures.ts';

// The three formats, read from files real runs wrote (see test/fixtures/triage/record-runs.ts).
const fixture = (name: string) => readFile(new URL(`../fixtures/triage/${name}`, import.meta.url), 'utf8');

function refusal(text: string, name = 'run.txt'): string {
  try {
    readFailures({ name, text });
  } catch (error) {
    if (isTestopsError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reading the failures of a run', () => {
  it('reads our report: every suspected defect with its finding, nothing else', async () => {
    const text = await fixture('runs/fault-wrong-create-status.json');
    const report = JSON.parse(text) as { suspectedDefects: unknown[] };
    const read = readFailures({ name: 'testops-report.json', text });
    expect(read.format).toBe('testops-report');
    expect(read.failures).toHaveLength(report.suspectedDefects.length);
    expect(read.failures[0]).toMatchObject({
      status: 'failed',
      operation: expect.stringMatching(/^[A-Z]+ \/api\/v1\//),
      findingSignature: expect.stringContaining('|'),
      expected: expect.stringContaining('201'),
    });
    expect(read.problems).toEqual([]);
    expect(read.runId).toMatch(/^[0-9a-f]{16}$/);
    expect(readFailures({ name: 'again', text }).runId).toBe(read.runId);
  });

  it("reads Playwright's JSON output: failed and flaky tests with their frames, not the passing one", async () => {
    const read = readFailures({ name: 'report.json', text: await fixture('ui-playwright.json') });
    expect(read.format).toBe('playwright-json');
    expect(
      read.failures.map((failure) => [failure.test, failure.status, failure.passes, failure.runs]),
    ).toEqual([
      ['start page orders a configuration', 'failed', 0, 2],
      ['start page opens a route', 'failed', 0, 2],
      ['start page shows its title', 'flaky', 1, 2],
    ]);
    expect(read.failures[0]!.message).toContain("waiting for getByRole('button'");
    expect(read.failures[0]!.message).not.toContain('\u001b[');
    expect(read.failures[0]!.frames[0]).toMatch(/tests\/calculator\.spec\.ts:\d+:\d+$/);
  });

  it('reads JUnit XML of the same run: failures and errors with their messages', async () => {
    const read = readFailures({ name: 'junit.xml', text: await fixture('ui-junit.xml') });
    expect(read.format).toBe('junit-xml');
    expect(read.failures.map((failure) => failure.test)).toEqual([
      'start page orders a configuration',
      'start page opens a route',
    ]);
    expect(read.failures[0]!.message).toContain('Timeout');
    expect(read.failures[1]!.message).toContain('strict mode violation');
  });

  it('reads pytest and Surefire JUnit: assertion lines, rerun-only failures as flaky', () => {
    const read = readFailures({
      name: 'junit.xml',
      text: `<?xml version="1.0"?>
<testsuites><testsuite name="pytest">
  <testcase classname="tests.test_disks" name="test_create" file="tests/test_disks.py">
    <failure message="AssertionError: assert 500 == 201">def test_create():
E   assert 500 == 201

tests/test_disks.py:42: AssertionError</failure>
  </testcase>
  <testcase classname="tests.test_disks" name="test_list"><flakyFailure message="socket hang up"/></testcase>
  <testcase classname="tests.test_disks" name="test_ok"/>
</testsuite></testsuites>`,
    });
    expect(read.failures).toMatchObject([
      {
        test: 'test_create',
        status: 'failed',
        frames: ['tests/test_disks.py:42'],
        file: 'tests/test_disks.py',
      },
      { test: 'test_list', status: 'flaky', passes: 1, runs: 2 },
    ]);
    expect(read.failures[0]!.message).toContain('assert 500 == 201');
  });

  it('reports a broken entry and reads the rest', async () => {
    const playwright = JSON.parse(await fixture('ui-playwright.json')) as { suites: { specs: unknown[] }[] };
    playwright.suites[0]!.specs.splice(1, 0, { title: 42 });
    const read = readFailures({ name: 'report.json', text: JSON.stringify(playwright) });
    expect(read.problems).toEqual([
      { entry: 'suites[0].specs[1]', message: 'has no "title" or no "tests" list' },
    ]);
    expect(read.failures).toHaveLength(3);

    const junit = readFailures({
      name: 'junit.xml',
      text: '<testsuite><testcase classname="a"><failure message="x"/></testcase><testcase name="b"><error message="boom"/></testcase></testsuite>',
    });
    expect(junit.problems).toEqual([
      { entry: 'testsuite[0].testcase[0]', message: 'has no "name" attribute' },
    ]);
    expect(junit.failures).toMatchObject([{ test: 'b', status: 'error' }]);
  });

  it('refuses a file that is none of the three formats, naming the file and what it expected', () => {
    expect(refusal('name,status\nx,failed', 'results.csv')).toMatchInlineSnapshot(`
      "TESTOPS_TRIAGE_INPUT_UNKNOWN: results.csv: cannot triage this file: it is neither JSON nor XML
      Expected our testops-report.json, Playwright JSON reporter output, or JUnit XML.
      Tip: run Playwright with --reporter=json (or junit), pytest with --junitxml, or pass testops' testops-report.json."
    `);
    expect(refusal('{"stats": {}}', 'other.json')).toMatchInlineSnapshot(`
      "TESTOPS_TRIAGE_INPUT_UNKNOWN: other.json: cannot triage this file: it is a JSON document that is neither our report nor Playwright JSON output
      Expected our testops-report.json, Playwright JSON reporter output, or JUnit XML.
      Tip: run Playwright with --reporter=json (or junit), pytest with --junitxml, or pass testops' testops-report.json."
    `);
    expect(refusal('<html><body/></html>', 'page.html')).toMatchInlineSnapshot(`
      "TESTOPS_TRIAGE_INPUT_UNKNOWN: page.html: cannot triage this file: it is an XML document without <testsuites> or <testsuite>
      Expected our testops-report.json, Playwright JSON reporter output, or JUnit XML.
      Tip: run Playwright with --reporter=json (or junit), pytest with --junitxml, or pass testops' testops-report.json."
    `);
    expect(refusal('{"suites": [', 'cut.json')).toContain('cut.json: not valid JSON');
    expect(refusal('<testsuites><testsuite></testsuites>', 'cut.xml')).toMatch(
      /^TESTOPS_TRIAGE_INPUT_UNKNOWN: cut\.xml, line 1, column \d+: not well-formed XML/,
    );
  });
});
