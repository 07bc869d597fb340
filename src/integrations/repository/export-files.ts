// The files of a suite or case folder as they go into a repository: what the folder's own
// .gitignore leaves out stays out (installed packages, results, .env), and nothing outside it
// is read (symbolic links are skipped).
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { TestopsError } from '../../core/errors.ts';

export interface ExportFile {
  /** Relative, with forward slashes. */
  path: string;
  content: Buffer;
}

/** Never exported, whatever the folder's .gitignore says: a repository, packages, local secrets. */
const ALWAYS_SKIPPED = ['.git/', 'node_modules/', '.env', '.venv/', '__pycache__/'];
const MAX_FILES = 5_000;
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const MAX_TOTAL_BYTES = 100 * 1024 * 1024;

/** Every file of `folder` that belongs in the repository, sorted by path. */
export async function readExportFolder(folder: string): Promise<ExportFile[]> {
  const stats = await lstat(folder).catch(() => undefined);
  if (!stats?.isDirectory())
    throw new TestopsError('TESTOPS_SOURCE_NOT_FOUND', 'no such folder', {
      where: folder,
      expected: 'the folder of a generated suite or case set (the --out of `testops generate …`)',
    });
  const ignore = ignoreMatcher([
    ...ALWAYS_SKIPPED,
    ...(await readFile(join(folder, '.gitignore'), 'utf8').catch(() => '')).split(/\r?\n/),
  ]);
  const files: ExportFile[] = [];
  let total = 0;
  for await (const path of walk(folder, folder, ignore)) {
    const content = await readFile(join(folder, path));
    total += content.length;
    if (content.length > MAX_FILE_BYTES || total > MAX_TOTAL_BYTES || files.length >= MAX_FILES)
      throw new TestopsError('TESTOPS_SOURCE_TOO_LARGE', 'the folder is too large to export as one commit', {
        where: join(folder, path),
        expected: `at most ${MAX_FILES} files, ${MAX_FILE_BYTES / 1024 / 1024} MB each, ${MAX_TOTAL_BYTES / 1024 / 1024} MB in all`,
        hint: 'list run outputs (results, reports, evidence) in the folder’s .gitignore.',
      });
    files.push({ path, content });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function* walk(
  root: string,
  dir: string,
  ignore: (path: string, isDir: boolean) => boolean,
): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const path = relative(root, full).split(sep).join('/');
    if (entry.isSymbolicLink() || ignore(path, entry.isDirectory())) continue;
    if (entry.isDirectory()) yield* walk(root, full, ignore);
    else if (entry.isFile()) yield path;
  }
}

/**
 * The .gitignore patterns our suites write, and the common rest: `name`, `dir/`, `*` and `?`
 * wildcards, `**`, and patterns anchored by a slash. Negation (`!`) is not supported: such a line
 * is ignored, which can only export more.
 */
export function ignoreMatcher(lines: readonly string[]): (path: string, isDir: boolean) => boolean {
  const rules = lines
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
    .map((line) => {
      const dirOnly = line.endsWith('/');
      const pattern = line.replace(/\/+$/, '');
      const anchored = pattern.includes('/');
      return { dirOnly, anchored, regex: globRegex(pattern.replace(/^\//, '')) };
    });
  return (path, isDir) =>
    rules.some((rule) => {
      if (rule.dirOnly && !isDir) return false;
      if (rule.anchored) return rule.regex.test(path);
      return rule.regex.test(path.slice(path.lastIndexOf('/') + 1));
    });
}

function globRegex(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index]!;
    if (char === '*' && glob[index + 1] === '*') {
      source += '.*';
      index += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
