import type { ConventionalCommit } from './conventional-commit.ts';

const SECTIONS: readonly { title: string; includes: (commit: ConventionalCommit) => boolean }[] = [
  { title: 'Breaking changes', includes: (commit) => commit.breaking },
  { title: 'Features', includes: (commit) => commit.type === 'feat' && !commit.breaking },
  {
    title: 'Fixes',
    includes: (commit) => (commit.type === 'fix' || commit.type === 'perf') && !commit.breaking,
  },
];

/** The CHANGELOG.md section of one release: what users notice, grouped; chores stay in git log. */
export function changelogSection(options: {
  version: string;
  date: string;
  commits: readonly ConventionalCommit[];
}): string {
  const lines = [`## ${options.version} — ${options.date}`, ''];
  for (const section of SECTIONS) {
    const entries = options.commits.filter(section.includes);
    if (entries.length === 0) continue;
    lines.push(`### ${section.title}`, '');
    for (const commit of entries)
      lines.push(`- ${commit.scope ? `**${commit.scope}:** ` : ''}${commit.subject}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Puts a new section above the previous releases, below the file's title and preamble. */
export function prependSection(changelog: string, section: string): string {
  const first = changelog.indexOf('\n## ');
  if (first === -1) return `${changelog.trimEnd()}\n\n${section}`;
  return `${changelog.slice(0, first + 1)}${section}\n${changelog.slice(first + 1)}`;
}
