import type {
  CasePriority,
  CaseTrace,
  ManualCase,
  ManualCaseKind,
  ManualCaseSet,
  ManualStep,
} from '../../core/manual-case.ts';
import { MANUAL_CASES_VERSION } from '../../core/manual-case.ts';
import { slugOf } from './case-slug.ts';
import { UniqueNames } from './unique-names.ts';

/** A designed case before it gets its id, owner and a title unique in the set. */
export interface CaseDraft {
  title: string;
  description: string;
  feature: string;
  story: string;
  suite: 'UI' | 'API';
  priority: CasePriority;
  kind: ManualCaseKind;
  tags?: string[];
  links: { url: string; name: string }[];
  preconditions: string[];
  steps: ManualStep[];
  trace: CaseTrace[];
}

export interface CaseDesignOptions {
  /** The `owner` label of every case. */
  owner: string;
  /** Jira base URL: cases of requirements with a key link to `<jiraBase>/browse/<KEY>`. */
  jiraBase?: string;
  /** Where a local source is published (http(s)): links into it go there, not to file:// URLs. */
  sourceUrl?: string;
}

export const DEFAULT_OWNER = 'qa-team';

/** Titles made unique (a repeated title gets ` (2)`), ids slugged from them, owner filled in. */
export function finaliseCases(drafts: CaseDraft[], owner: string): ManualCase[] {
  const titles = new UniqueNames((base, n) => `${base} (${n})`);
  const ids = new UniqueNames((base, n) => `${base}_${n}`);
  return drafts.map((draft) => {
    const title = titles.take(draft.title);
    const id = ids.take(slugOf(title));
    const { tags = [], ...rest } = draft;
    return { id, ...rest, title, owner, tags: [...new Set([draft.kind, ...tags])] };
  });
}

export function caseSet(parts: Omit<ManualCaseSet, 'version'>): ManualCaseSet {
  return { version: MANUAL_CASES_VERSION, ...parts };
}
