import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Requirement } from '../../core/manual-case.ts';
import { TestopsError } from '../../core/errors.ts';
import { looksLikeGherkin } from './gherkin-keywords.ts';
import { readGherkinRequirements } from './gherkin-requirements.ts';
import { readMarkdownRequirements } from './markdown-requirements.ts';
import { RequirementIds } from './requirement-keys.ts';
import { decodeText } from './decode-text.ts';
import { splitSourceLines, plainText, type SourceLine } from './source-lines.ts';

/** Requirements read from one file or every requirements file of a folder. */
export interface RequirementsDocument {
  location: string;
  title: string;
  requirements: Requirement[];
}

const MAX_BYTES = 5 * 1024 * 1024;
const EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.feature', '.text', '']);

/** Reads a requirements file (Markdown, plain text, user stories, Gherkin) or a folder of them. */
export async function readRequirements(path: string): Promise<RequirementsDocument> {
  const info = await stat(path).catch(() => undefined);
  if (!info) {
    throw new TestopsError('TESTOPS_SOURCE_NOT_FOUND', 'the requirements file does not exist', {
      where: path,
      expected: 'a Markdown, text or .feature file, or a folder of them',
      hint: 'check the path; it is resolved from the current folder.',
    });
  }
  if (!info.isDirectory()) return parseRequirements(await readText(path, info.size), path);
  const files = (await readdir(path)).filter((name) => EXTENSIONS.has(extname(name).toLowerCase())).sort();
  const documents = await Promise.all(files.map((name) => readRequirements(join(path, name))));
  return {
    location: path,
    title: basename(path),
    requirements: uniqueIds(documents.flatMap((doc) => doc.requirements)),
  };
}

/** Files of one folder number their statements independently: a repeated id gets `.2`. */
function uniqueIds(requirements: Requirement[]): Requirement[] {
  const ids = new RequirementIds();
  return requirements.map((requirement) => ({ ...requirement, id: ids.take(requirement.id) }));
}

/** Parses requirement text; `file` is what each requirement's source names. */
export function parseRequirements(text: string, file: string): RequirementsDocument {
  const lines = splitSourceLines(text);
  if (extname(file).toLowerCase() === '.feature' || looksLikeGherkin(lines.map((line) => line.text))) {
    const gherkin = readGherkinRequirements(lines, file);
    return { location: file, title: gherkin.title ?? fileTitle(file), requirements: gherkin.requirements };
  }
  const title = documentTitle(lines);
  return {
    location: file,
    title: title?.text ?? fileTitle(file),
    requirements: readMarkdownRequirements(lines, file, title?.number),
  };
}

async function readText(path: string, size: number): Promise<string> {
  if (size > MAX_BYTES) {
    throw new TestopsError('TESTOPS_SOURCE_TOO_LARGE', `the requirements file is ${size} bytes`, {
      where: path,
      expected: `at most ${MAX_BYTES} bytes`,
      hint: 'split the document into several files and pass their folder.',
    });
  }
  return decodeText(await readFile(path));
}

/**
 * What names the document rather than a section: its single level-1 heading, or (plain text)
 * a short first line without a full stop or a modal verb, followed by a blank line.
 */
function documentTitle(lines: SourceLine[]): { text: string; number: number } | undefined {
  const topHeadings = lines.filter((line) => /^#\s+\S/.test(line.text));
  const firstHeading = lines.find((line) => /^#{1,6}\s+\S/.test(line.text));
  const [only] = topHeadings;
  if (topHeadings.length === 1 && only && firstHeading === only)
    return { text: plainText(only.text.replace(/^#\s+/, '').replace(/\s*#*$/, '')), number: only.number };
  if (firstHeading) return undefined;
  const index = lines.findIndex((line) => line.text !== '');
  const first = lines[index];
  const plausible =
    first !== undefined &&
    lines[index + 1]?.text === '' &&
    first.text.length <= 80 &&
    !/[.!?:;]$/.test(first.text) &&
    !/^[-*+•\d]/.test(first.text) &&
    !/\b(must|should|shall|can|will|должн\p{L}*|может|могут|можно|нельзя)\b/iu.test(first.text);
  return plausible ? { text: plainText(first.text), number: first.number } : undefined;
}

function fileTitle(file: string): string {
  return basename(file, extname(file)).replace(/[-_]+/g, ' ');
}
