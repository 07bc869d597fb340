import type { AutomatedTwins, ExistingTest, TwinPair } from '../core/existing-test.ts';
import type { Similarity } from './similarity.ts';
import { describeLocator, isAutomated, refOf, testText } from './test-signature.ts';

/** TF-IDF cosine from which an automated test is a manual case's twin (texts of two styles meet lower). */
export const DEFAULT_TWIN_THRESHOLD = 0.45;

/**
 * Pairs each manual case with the automated test that does what it describes: the closest by
 * text (title, steps, and for autotests also the function name, the elements they touch and
 * the requests they send), when it reaches the threshold. One autotest may automate several
 * cases. Undefined unless there are both manual cases and autotests.
 */
export async function findAutomatedTwins(
  tests: readonly ExistingTest[],
  similarity: Similarity,
  threshold: number,
): Promise<AutomatedTwins | undefined> {
  const manual = tests.filter((test) => !isAutomated(test));
  const automated = tests.filter(isAutomated);
  if (manual.length === 0 || automated.length === 0) return undefined;
  const score = await similarity.fit([...manual.map(testText), ...automated.map(twinText)]);
  const left = manual.map((_test, index) => index);
  const right = automated.map((_test, index) => manual.length + index);
  // The scorer's index (TF-IDF's, or the stored embeddings') leaves out the pairs that cannot reach the threshold.
  const partners = await score.partners?.(left, right, threshold - 0.01);
  const pairs: TwinPair[] = [];
  const notAutomated: AutomatedTwins['notAutomated'] = [];
  manual.forEach((test, index) => {
    let best: { document: number; similarity: number } | undefined;
    for (const document of partners?.get(index) ?? right) {
      const similarity = round(score(index, document));
      if (similarity >= threshold && (!best || similarity > best.similarity)) best = { document, similarity };
    }
    if (!best) notAutomated.push(refOf(test));
    else
      pairs.push({
        manual: refOf(test),
        automated: refOf(automated[best.document - manual.length]!),
        similarity: best.similarity,
      });
  });
  return { threshold, pairs, notAutomated };
}

/** What an autotest says and does, in words: its name often says more than its (absent) steps. */
export function twinText(test: ExistingTest): string {
  return [
    testText(test),
    test.name.replace(/[_\W]+/g, ' '),
    test.description ?? '',
    ...test.uiActions.flatMap((action) => [
      action.kind === 'goto' ? (action.url ?? '') : action.target ? describeLocator(action.target) : '',
      action.value ?? '',
    ]),
    ...test.requests.map((request) => `${request.method} ${request.path}`),
  ].join('\n');
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
