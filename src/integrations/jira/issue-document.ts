/**
 * An issue description independent of Jira's two formats: Cloud's REST v3 takes Atlassian
 * Document Format (`adf.ts`), Server and Data Center's REST v2 take wiki markup
 * (`wiki-markup.ts`). Built once per defect, rendered for the flavour the user has.
 */
export type IssueBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; parts: InlineText[] }
  | { kind: 'code'; language: 'bash' | 'json' | 'text'; text: string }
  | { kind: 'bullets'; items: InlineText[][] };

export interface InlineText {
  text: string;
  /** The text links there. */
  href?: string;
  /** Shown as code (paths, test titles). */
  code?: boolean;
  strong?: boolean;
}

export function text(value: string): InlineText {
  return { text: value };
}

export function paragraph(...parts: (InlineText | string)[]): IssueBlock {
  return { kind: 'paragraph', parts: parts.map((part) => (typeof part === 'string' ? text(part) : part)) };
}
