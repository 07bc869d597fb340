import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStandards } from '../../../src/validation/standards/index.ts';
import { allFindings, scratchDir } from './fixture-files.ts';

// Renamed imports, computed values and look-alikes: what separates a useful security rule from
// a noisy one. Each line is marked with what the check must (or must not) report there.
const AUTOTEST = `import os
from pathlib import Path
from subprocess import run as sh

import httpx

BASE_URL = "https://staging.other-company.example"  # expect: security-foreign-host
PASSWORD_HINT = "<password>"
password = "Sup3r-secret!"  # expect: security-secret
token = f"{os.environ['API_TOKEN']}"


class TestReports:
    def test_writes_report(self, tmp_path) -> None:
        sh(["ls"])  # expect: security-shell
        Path("/etc/cron.d/job").write_text("x")  # expect: security-file-write
        Path("results/report.txt").write_text("x")
        with open("../../outside.txt", "a") as handle:  # expect: security-file-write
            handle.write("x")
        with open("/etc/hosts") as handle:
            assert handle.read()
        os.system("true")  # expect: security-shell
        eval("1 + 1")  # expect: security-shell

    def test_calls_the_target(self) -> None:
        client = httpx.Client(base_url="http://127.0.0.1:4010")
        response = client.get(f"{BASE_URL}/items")
        assert response.status_code == 200
        assert httpx.get("https://api.target.example/items").status_code == 200  # expect: security-foreign-host
`;

let scratch: Awaited<ReturnType<typeof scratchDir>>;

beforeAll(async () => {
  scratch = await scratchDir('security');
  await writeFile(join(scratch.dir, 'test_reports.py'), AUTOTEST);
});

afterAll(() => scratch?.remove());

function expectedFindings(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, index) =>
      [...line.matchAll(/expect: ([\w-]+)/g)].map((match) => `${index + 1} ${match[1]}`),
    );
}

describe('security rules on Python autotests', () => {
  it('reports exactly the marked lines: renamed imports resolved, computed values left alone', async () => {
    const report = await checkStandards([scratch.dir]);
    const found = allFindings(report)
      .filter((finding) => finding.ruleId.startsWith('security-'))
      .map((finding) => `${finding.line} ${finding.ruleId}`);
    expect(found.sort()).toEqual(expectedFindings(AUTOTEST).sort());
  });

  it('accepts the target host given with --target', async () => {
    const report = await checkStandards([scratch.dir], { target: 'https://api.target.example' });
    const hosts = allFindings(report).filter((finding) => finding.ruleId === 'security-foreign-host');
    expect(hosts.map((finding) => finding.message)).toEqual([
      expect.stringContaining('staging.other-company.example'),
    ]);
  });
});
