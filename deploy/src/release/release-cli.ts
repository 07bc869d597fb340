import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderAll } from '../render.ts';
import { writeRendered } from '../write-rendered.ts';
import { changelogSection, prependSection } from './changelog.ts';
import { parseConventionalCommit, type ConventionalCommit } from './conventional-commit.ts';
import { bumpFor, nextVersion } from './next-version.ts';

/**
 * `npm run release`: reads the conventional commits since the last `v*` tag, sets the next
 * version in package.json, adds its CHANGELOG.md section and renders the manifests with the new
 * image tag. It commits and tags nothing: the printed commands do, after a look at the diff.
 * `--dry-run` only prints the plan.
 */
const root = new URL('../../../', import.meta.url);
const dryRun = process.argv.includes('--dry-run');

const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const lastTag = git('tag', '--list', 'v*', '--sort=-v:refname').split('\n')[0] || undefined;
const range = lastTag ? [`${lastTag}..HEAD`] : ['HEAD'];
const messages = git('log', '--no-merges', '--format=%B%x1e', ...range)
  .split('\x1e')
  .map((message) => message.trim())
  .filter(Boolean);
const commits = messages
  .map(parseConventionalCommit)
  .filter((commit): commit is ConventionalCommit => commit !== undefined)
  .reverse();

const manifestUrl = new URL('package.json', root);
const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8')) as { version: string };
const bump = bumpFor(commits, manifest.version);
process.stderr.write(
  `${messages.length} commits since ${lastTag ?? 'the first commit'}, ${commits.length} conventional; `,
);
if (!bump) {
  process.stderr.write('no feat, fix, perf or breaking change: nothing to release.\n');
} else {
  const version = nextVersion(manifest.version, bump);
  process.stderr.write(`${bump} release: ${manifest.version} → ${version}\n`);
  if (!dryRun) release(version, commits);
}

function release(version: string, releaseCommits: ConventionalCommit[]): void {
  setVersion(manifestUrl, version);
  setVersion(new URL('package-lock.json', root), version);
  const changelogUrl = new URL('CHANGELOG.md', root);
  const date = new Date().toISOString().slice(0, 10);
  const section = changelogSection({ version, date, commits: releaseCommits });
  writeFileSync(changelogUrl, prependSection(readFileSync(changelogUrl, 'utf8'), section));
  const deployDir = fileURLToPath(new URL('deploy/', root));
  writeRendered(deployDir, renderAll({ sealedDir: new URL('deploy/sealed/', root) }));
  process.stderr.write(
    [
      `package.json, package-lock.json, CHANGELOG.md and deploy/ now say ${version}. Check the diff, then:`,
      `  git commit -am "chore(release): ${version}" && git tag -a v${version} -m v${version}`,
      '  git push --follow-tags   # CI builds and pushes the image tagged ' + version,
      '',
    ].join('\n'),
  );
}

/** package.json's version, and the lock file's two copies of it, edited in place (formatting kept). */
function setVersion(file: URL, version: string): void {
  const text = readFileSync(file, 'utf8');
  const data = JSON.parse(text) as { version: string; packages?: Record<string, { version?: string }> };
  data.version = version;
  if (data.packages?.['']) data.packages[''].version = version;
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}
