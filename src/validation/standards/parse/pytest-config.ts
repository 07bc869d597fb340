import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export type PytestConfigFormat = 'pytest.ini' | 'pyproject.toml' | 'tox.ini' | 'setup.cfg';

/** The pytest configuration that applies to a folder, as pytest finds it, and the markers it registers. */
export interface PytestConfig {
  /** Undefined when no configuration file applies. */
  path: string | undefined;
  format: PytestConfigFormat | undefined;
  text: string;
  markers: Set<string>;
}

export type PytestConfigFinder = (folder: string) => Promise<PytestConfig>;

// pytest's own order: pytest.ini wins even when empty; the others count only with a pytest section.
const CANDIDATES: { format: PytestConfigFormat; section: RegExp | undefined }[] = [
  { format: 'pytest.ini', section: undefined },
  { format: 'pyproject.toml', section: /^\[tool\.pytest\.ini_options\]/m },
  { format: 'tox.ini', section: /^\[pytest\]/m },
  { format: 'setup.cfg', section: /^\[tool:pytest\]/m },
];

const NONE: PytestConfig = { path: undefined, format: undefined, text: '', markers: new Set() };

/** Looks upwards from a folder; answers are cached per folder, since a suite's files share them. */
export function createPytestConfigFinder(): PytestConfigFinder {
  const cache = new Map<string, Promise<PytestConfig>>();
  const find: PytestConfigFinder = (folder) => {
    let found = cache.get(folder);
    if (!found) {
      found = configIn(folder).then((config) => {
        if (config) return config;
        const parent = dirname(folder);
        return parent === folder ? NONE : find(parent);
      });
      cache.set(folder, found);
    }
    return found;
  };
  return find;
}

async function configIn(folder: string): Promise<PytestConfig | undefined> {
  for (const { format, section } of CANDIDATES) {
    const path = join(folder, format);
    const text = await readFile(path, 'utf8').catch(() => undefined);
    if (text === undefined || (section && !section.test(text))) continue;
    return { path, format, text, markers: markersOf(text, format) };
  }
  return undefined;
}

function markersOf(text: string, format: PytestConfigFormat): Set<string> {
  if (format === 'pyproject.toml') {
    const list = /^markers\s*=\s*\[([\s\S]*?)\]/m.exec(
      sectionText(text, /^\[tool\.pytest\.ini_options\]/m),
    )?.[1];
    return new Set([...(list ?? '').matchAll(/["']\s*([A-Za-z_]\w*)/g)].map((match) => match[1]!));
  }
  const section = format === 'setup.cfg' ? /^\[tool:pytest\]/m : /^\[pytest\]/m;
  return new Set(
    iniMarkerLines(sectionText(text, section)).map((line) => /^\s*([A-Za-z_]\w*)/.exec(line)?.[1] ?? ''),
  );
}

/** The lines of an INI `markers =` value: the rest of its line and the indented lines under it. */
function iniMarkerLines(section: string): string[] {
  const lines = section.split(/\r?\n/);
  const start = lines.findIndex((line) => /^markers\s*[=:]/.test(line));
  if (start === -1) return [];
  const value = [lines[start]!.replace(/^markers\s*[=:]/, '')];
  for (const line of lines.slice(start + 1)) {
    if (!/^[ \t]/.test(line) && line.trim() !== '') break;
    value.push(line);
  }
  return value.filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
}

/** The text of one section: from its header to the next header. */
function sectionText(text: string, header: RegExp): string {
  const match = header.exec(text);
  if (!match) return '';
  const rest = text.slice(match.index + match[0].length);
  const next = /^\[/m.exec(rest);
  return next ? rest.slice(0, next.index) : rest;
}
