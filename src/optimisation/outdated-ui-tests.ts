import type { ExistingTest, OutdatedTest } from '../core/existing-test.ts';
import type { SiteModel } from '../core/page-model.ts';
import { SiteIndex } from './site-index.ts';
import { describeLocator, refOf } from './test-signature.ts';

type Problem = OutdatedTest['problems'][number];

/**
 * UI tests that open pages or use elements the current site model does not have: a page
 * renamed or removed, a button whose accessible name changed. Elements are looked up on the
 * page the test is on (from `goto` or its page object), else anywhere in the model.
 */
export function findOutdatedUiTests(tests: readonly ExistingTest[], site: SiteModel): OutdatedTest[] {
  const index = new SiteIndex(site);
  return tests.flatMap((test) => {
    const problems = dedupe(
      test.uiActions.flatMap((action): Problem[] => {
        if (action.kind === 'goto') {
          if (action.url === undefined || index.hasPage(action.url) !== false) return [];
          return [
            {
              kind: 'page-missing',
              reference: action.url,
              line: action.line,
              message: `the site model has no page ${action.url}`,
            },
          ];
        }
        if (!action.target) return [];
        const page = index.pageFor(action.url);
        if (index.check(action.target, page) !== 'missing') return [];
        const where = page ? `page ${page.path}` : 'any page of the site model';
        const reference = describeLocator(action.target);
        return [
          {
            kind: 'element-missing',
            reference,
            line: action.line,
            message: `no element ${reference} on ${where}`,
          },
        ];
      }),
    );
    return problems.length > 0 ? [{ test: refOf(test), problems }] : [];
  });
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.kind} ${problem.reference}`;
    return !seen.has(key) && Boolean(seen.add(key));
  });
}
