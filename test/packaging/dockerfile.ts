import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './compose-file.ts';

export interface Instruction {
  keyword: string;
  /** Everything after the keyword, continuation lines joined. */
  text: string;
  line: number;
}

/** The Dockerfile's instructions: comments and parser directives dropped, `\` continuations joined. */
export function dockerfileInstructions(
  text = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8'),
): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: { parts: string[]; line: number } | undefined;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (/^\s*#/.test(line) || (!pending && line.trim() === '')) return;
    const continued = line.endsWith('\\');
    const part = continued ? line.slice(0, -1) : line;
    if (pending) pending.parts.push(part.trim());
    else pending = { parts: [part.trim()], line: index + 1 };
    if (continued) return;
    const joined = pending.parts.filter(Boolean).join(' ');
    const [keyword = '', ...rest] = joined.split(/\s+/);
    instructions.push({ keyword: keyword.toUpperCase(), text: rest.join(' '), line: pending.line });
    pending = undefined;
  });
  return instructions;
}

/** Arguments of an instruction in exec (JSON array) or shell form, `--flags` first removed. */
export function instructionArguments(text: string): { flags: string[]; args: string[] } {
  const flags: string[] = [];
  let rest = text.trim();
  for (let flag = /^--\S+/.exec(rest); flag; flag = /^--\S+/.exec(rest)) {
    flags.push(flag[0]);
    rest = rest.slice(flag[0].length).trimStart();
  }
  if (rest.startsWith('[')) return { flags, args: JSON.parse(rest) as string[] };
  return { flags, args: rest.split(/\s+/).filter(Boolean) };
}

/** The command of a CMD/ENTRYPOINT/HEALTHCHECK CMD/RUN as one line. */
export function commandText(instruction: Instruction): string {
  const text =
    instruction.keyword === 'HEALTHCHECK' ? instruction.text.replace(/^.*?\bCMD\s+/, '') : instruction.text;
  return instructionArguments(text).args.join(' ');
}

/**
 * .dockerignore as the builder applies it: patterns relative to the context root, `*` and `?`
 * within a path segment, `**` across segments, `!` re-includes; a rule applies to a path when it
 * matches the path or one of its parent directories, and the last rule that applies wins.
 */
export function dockerIgnore(
  text = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8'),
): (path: string) => boolean {
  const rules = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = (negated ? line.slice(1) : line).replace(/^\/+/, '').replace(/\/+$/, '');
      return { negated, regex: globToRegex(pattern) };
    });
  return (path) => {
    const segments = path.replace(/^\.\//, '').replace(/\/+$/, '').split('/');
    const selfAndParents = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (selfAndParents.some((candidate) => rule.regex.test(candidate))) excluded = !rule.negated;
    }
    return excluded;
  };
}

function globToRegex(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] as string;
    if (char === '*' && pattern[index + 1] === '*') {
      const slash = pattern[index + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      index += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
