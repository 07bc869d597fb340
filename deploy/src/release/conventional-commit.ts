/** A commit message in the Conventional Commits form: `type(scope)!: subject`. */
export interface ConventionalCommit {
  type: string;
  scope: string | undefined;
  subject: string;
  breaking: boolean;
}

const HEADER = /^(?<type>[a-z]+)(?:\((?<scope>[^)]+)\))?(?<bang>!)?: (?<subject>.+)$/;

/** The commit's meaning, or undefined for a message that does not follow the convention. */
export function parseConventionalCommit(message: string): ConventionalCommit | undefined {
  const [header = '', ...body] = message.trim().split('\n');
  const match = HEADER.exec(header.trim());
  if (!match?.groups) return undefined;
  const { type, scope, bang, subject } = match.groups;
  return {
    type: type!,
    scope,
    subject: subject!.trim(),
    breaking: bang === '!' || body.some((line) => /^BREAKING[ -]CHANGE: /.test(line)),
  };
}
