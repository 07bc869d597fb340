import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SourceFile } from '../model/source-model.ts';
import type { FixChange } from '../model/standards-report.ts';
import type { PytestConfigFinder } from '../parse/pytest-config.ts';

const DESCRIPTIONS: Record<string, string> = { manual: 'manual test cases kept as Allure TestOps as code' };
const SECTIONS = { 'pytest.ini': '[pytest]', 'tox.ini': '[pytest]', 'setup.cfg': '[tool:pytest]' } as const;

export interface MarkerFixes {
  /** Whole-file contents to write, by path. */
  writes: Map<string, string>;
  changes: FixChange[];
}

/**
 * Registers markers the files use in the pytest configuration that applies to them: adds them
 * under `markers =` of pytest.ini (or tox.ini / setup.cfg), or creates a pytest.ini in the
 * suite folder when none applies. pyproject.toml is left to a person (TOML is not line-based).
 */
export async function planMarkerFixes(
  uses: { file: SourceFile; markers: string[] }[],
  findConfig: PytestConfigFinder,
  display: (path: string) => string,
): Promise<MarkerFixes> {
  const needed = new Map<
    string,
    { file: SourceFile; markers: Set<string>; create: boolean; format: string }
  >();
  for (const { file, markers } of uses) {
    const config = await findConfig(dirname(file.path));
    const missing = markers.filter((marker) => !config.markers.has(marker));
    if (missing.length === 0) continue;
    const path = config.path ?? join(file.root, 'pytest.ini');
    const entry = needed.get(path) ?? {
      file,
      markers: new Set(),
      create: !config.path,
      format: config.format ?? 'pytest.ini',
    };
    missing.forEach((marker) => entry.markers.add(marker));
    needed.set(path, entry);
  }
  const fixes: MarkerFixes = { writes: new Map(), changes: [] };
  for (const [path, { file, markers, create, format }] of needed) {
    const names = [...markers];
    const change = { file: display(path), line: undefined, ruleId: 'marker-registered' };
    if (format === 'pyproject.toml') {
      fixes.changes.push({
        ...change,
        description: `register ${names.join(', ')} under [tool.pytest.ini_options] markers by hand (used by ${file.display})`,
        applied: false,
      });
      continue;
    }
    const text = create ? '' : await readFile(path, 'utf8');
    const header = SECTIONS[format as keyof typeof SECTIONS];
    fixes.writes.set(path, withMarkers(text, header, names));
    fixes.changes.push({
      ...change,
      description: `${create ? 'created it and registered' : 'registered'} marker ${names.join(', ')}`,
      applied: true,
    });
  }
  return fixes;
}

/** The INI text with the markers added to the section's `markers =` (created if absent). */
export function withMarkers(text: string, header: string, markers: string[]): string {
  const entries = markers.map((marker) => `${marker}: ${DESCRIPTIONS[marker] ?? `tests marked ${marker}`}`);
  const lines = text === '' ? [] : text.replace(/\r?\n$/, '').split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === header);
  if (start === -1)
    return [
      ...lines,
      ...(lines.length ? [''] : []),
      header,
      'markers =',
      ...indented(entries, '    '),
      '',
    ].join('\n');
  const next = lines.findIndex((line, index) => index > start && line.startsWith('['));
  const end = next === -1 ? lines.length : next;
  const key = lines.findIndex((line, index) => index > start && index < end && /^markers\s*[=:]/.test(line));
  if (key === -1) {
    lines.splice(start + 1, 0, 'markers =', ...indented(entries, '    '));
    return lines.join('\n') + '\n';
  }
  // The value is the key's line and the indented lines under it (blank lines may sit between).
  let last = key;
  for (let index = key + 1; index < end; index += 1) {
    if (/^[ \t]+\S/.test(lines[index]!)) last = index;
    else if (lines[index]!.trim() !== '') break;
  }
  const indent = last > key ? /^[ \t]+/.exec(lines[last]!)![0] : '    ';
  lines.splice(last + 1, 0, ...indented(entries, indent));
  return lines.join('\n') + '\n';
}

function indented(entries: string[], indent: string): string[] {
  return entries.map((entry) => `${indent}${entry}`);
}
