import { TestopsError } from '../../core/errors.ts';

export const REPOSITORY_VENDORS = ['gitlab', 'github'] as const;
export type RepositoryVendor = (typeof REPOSITORY_VENDORS)[number];

/** Where an export goes: a branch of a repository, a folder in it, and whether CI comes along. */
export interface RepositoryTarget {
  vendor: RepositoryVendor;
  /** GitLab: `group/subgroup/project` or the numeric id; GitHub: `owner/name`. */
  repo: string;
  branch: string;
  /** The branch the merge or pull request targets; the repository's default when absent. */
  baseBranch: string | undefined;
  /** The folder of the repository the suite goes in; '' for the root. */
  directory: string;
  ci: boolean;
}

const REPO_SHAPES: Record<RepositoryVendor, { pattern: RegExp; example: string }> = {
  gitlab: { pattern: /^(\d+|[\w.-]+(\/[\w.-]+)+)$/, example: 'group/project, group/subgroup/project or 42' },
  github: { pattern: /^[\w.-]+\/[\w.-]+$/, example: 'owner/name' },
};

/** The target with its folder normalised, or an error naming the field to fix. */
export function checkedTarget(target: RepositoryTarget): RepositoryTarget {
  const shape = REPO_SHAPES[target.vendor];
  if (!shape.pattern.test(target.repo))
    throw invalid(
      '--repo',
      `"${target.repo}" is not a ${target.vendor === 'github' ? 'GitHub repository' : 'GitLab project'}`,
      shape.example,
    );
  for (const [field, name] of [
    ['--branch', target.branch],
    ['--base-branch', target.baseBranch],
  ] as const)
    if (name !== undefined && !isBranchName(name))
      throw invalid(
        field,
        `"${name}" is not a valid branch name`,
        'a git branch name such as testops/api-tests (no spaces, "..", "~^:?*[\\", or trailing ".lock")',
      );
  const directory = target.directory.replace(/\\/g, '/').replace(/^\/+|\/+$/g, '');
  if (directory.split('/').some((part) => part === '..' || part === '.') || /[\0:]/.test(directory))
    throw invalid(
      '--path',
      `"${target.directory}" leaves the repository`,
      'a folder inside the repository, e.g. tests/api',
    );
  if (target.baseBranch !== undefined && target.baseBranch === target.branch)
    throw invalid(
      '--branch',
      'the export branch is the base branch',
      'a new branch for the merge or pull request, e.g. testops/api-tests',
    );
  return { ...target, directory };
}

/** `git check-ref-format --branch` rules, the ones a name typed by a user breaks. */
export function isBranchName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 250 &&
    ![...name].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f) &&
    !/[\s~^:?*[\\]/.test(name) &&
    !name.includes('..') &&
    !name.includes('@{') &&
    !name.includes('//') &&
    !/^[-/.]|[/.]$|\.lock$|\/\./.test(name) &&
    name !== '@'
  );
}

function invalid(where: string, problem: string, expected: string): TestopsError {
  return new TestopsError('TESTOPS_INVALID_ARGUMENT', problem, { where, expected });
}
