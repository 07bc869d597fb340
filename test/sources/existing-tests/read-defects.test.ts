// Defect history readers: Jira JSON exports and CSV (ours and Jira's own CSV export), bad rows
// reported with their line and skipped.
import { describe, expect, it } from 'vitest';
import { defectSeverity, isDefectOpen } from '../../../src/core/defect.ts';
import { parseDefects, readDefects } from '../../../src/sources/defects/read-defects.ts';

describe('readDefects', () => {
  it('reads a Jira JSON export, reporting an issue without a key at its line', async () => {
    const history = await readDefects('test/fixtures/suites/defects/compute-jira.json');
    expect(history.format).toBe('jira-json');
    expect(history.records.map((record) => record.key)).toEqual([
      'COMPUTE-531',
      'COMPUTE-527',
      'COMPUTE-510',
      'COMPUTE-508',
    ]);
    expect(history.records[0]).toMatchObject({
      summary: 'GET /api/v1/flavors/{flavor_id} returns 500 for a flavor removed from the catalogue',
      components: ['Compute API / Flavors'],
      priority: 'Blocker',
      created: '2026-10-14T07:02:11.000Z',
      resolution: undefined,
      source: { line: 7 },
    });
    expect(history.records[2]!.resolution).toBe('Fixed');
    expect(history.issues).toEqual([{ line: 59, message: 'issue 5: no "key"' }]);
  });

  it('reads a CSV with quoted commas, quotes and newlines, reporting bad rows by line', async () => {
    const history = await readDefects('test/fixtures/suites/defects/compute-defects.csv');
    expect(history.records.map((record) => [record.key, record.source.line])).toEqual([
      ['COMPUTE-544', 2],
      ['COMPUTE-539', 3],
      ['COMPUTE-520', 5],
    ]);
    expect(history.records[0]!.summary).toBe(
      'set-power "off" on a VM that is already stopped returns 500, not 409',
    );
    expect(history.records[1]!.summary).toBe(
      'Power state change is accepted for a deleted VM\n(found by the nightly run)',
    );
    expect(history.records[0]).toMatchObject({
      components: ['VMs'],
      created: '2026-10-20T00:00:00.000Z',
      resolution: undefined,
    });
    expect(history.issues).toEqual([
      { line: 6, message: 'the row has no key' },
      { line: 7, message: 'the row has 4 fields, the header has 6' },
    ]);
  });

  it("reads Jira's own CSV export: header names in any case, repeated Component/s, its date format", () => {
    const csv = [
      'Summary,Issue key,Issue Type,Priority,RESOLUTION,Created,Component/s,Component/s',
      'Disk size shrinks on update,COMPUTE-398,Bug,Critical,Fixed,12/Sep/26 11:02 AM,Disks,Compute API',
      '"Quote never closed,COMPUTE-400,Bug,Major,,12/Sep/26 1:02 PM,VMs,',
    ].join('\r\n');
    const history = parseDefects(csv, 'jira.csv');
    expect(history.records).toEqual([
      {
        key: 'COMPUTE-398',
        summary: 'Disk size shrinks on update',
        components: ['Disks', 'Compute API'],
        priority: 'Critical',
        created: '2026-09-12T11:02:00.000Z',
        resolution: 'Fixed',
        source: { file: 'jira.csv', line: 2 },
      },
    ]);
    expect(history.issues).toEqual([
      {
        line: 3,
        message: 'a quoted field opened on this line is never closed; the rest of the file was not read',
      },
    ]);
    expect(defectSeverity(history.records[0]!)).toBe(3);
    expect(isDefectOpen(history.records[0]!)).toBe(false);
  });

  it('refuses a file that is neither format, saying what was expected', () => {
    expect(() => parseDefects('just some notes\nabout bugs\n', 'notes.txt')).toThrow(
      expect.objectContaining({
        code: 'TESTOPS_DEFECTS_INVALID',
        message: expect.stringContaining('lacks key and summary'),
      }),
    );
    expect(() => parseDefects('{"total": 0}', 'export.json')).toThrow(
      expect.objectContaining({
        code: 'TESTOPS_DEFECTS_INVALID',
        message: expect.stringContaining('no "issues" array'),
      }),
    );
  });
});
