import type { ApiModel } from '../core/api-model.ts';
import type { CoverageGap } from '../core/existing-test.ts';
import { subjectOfOperation, subjectOfText } from './subject-words.ts';
import type { SuggestionDraft } from './suggestion-draft.ts';

/** What to add for a coverage gap, with what its rank depends on. */
export function gapDraft(gap: CoverageGap, api: ApiModel | undefined): SuggestionDraft {
  switch (gap.kind) {
    case 'operation':
    case 'status': {
      const [method = '', path = '', statusText] = gap.ref.split(' ');
      const key = `${method} ${path}`;
      const status = statusText === undefined ? undefined : Number(statusText);
      const operation = api?.operations.find((candidate) => candidate.key === key);
      return {
        action: 'add',
        title: status === undefined ? `Add tests for ${key}` : `Add a test expecting ${status} from ${key}`,
        tests: [],
        target: gap.ref,
        reason: gap.description,
        rating: {
          priority: undefined,
          methods: [method],
          auth:
            status === 401 ||
            status === 403 ||
            (status === undefined && (operation?.security.length ?? 0) > 0),
          status,
        },
        subject: subjectOfOperation(key, operation?.tag),
      };
    }
    case 'requirement':
      return textGap(gap, `Add a test for requirement ${gap.ref}`, [gap.description]);
    case 'element': {
      const [page = ''] = gap.ref.split('/');
      return textGap(gap, `Add a UI test for ${gap.ref}`, [page, gap.description]);
    }
  }
}

function textGap(gap: CoverageGap, title: string, about: string[]): SuggestionDraft {
  return {
    action: 'add',
    title,
    tests: [],
    target: gap.ref,
    reason: gap.description,
    rating: {
      priority: undefined,
      methods: [],
      auth: /\b(log ?in|sign ?in|password|auth)/i.test(gap.description),
      status: undefined,
    },
    subject: subjectOfText(about),
  };
}
