import type { TestLabels } from '../../core/existing-test.ts';
import { dictValue, stringValue, type CodeExpr } from './code-tree.ts';
import { addTag, emptyLabels, priorityOf } from './test-labels.ts';

const LINK_TYPES = new Set(['issue', 'link', 'requirement', 'tms', 'testcase', 'jira']);
const TITLE_TAG = /(^|\s)@([\w-]+)/g;

/**
 * Labels of a Playwright test: `{ tag: ['@critical'], annotation: [{ type, description }] }`
 * and tags written in the title (`checkout works @smoke`, which Playwright also reads as tags).
 */
export function readPlaywrightDetails(
  rawTitle: string,
  details: CodeExpr | undefined,
): { labels: TestLabels; title: string } {
  const labels = emptyLabels();
  for (const tag of strings(dictValue(details, 'tag'))) addTag(labels, tag);
  for (const match of rawTitle.matchAll(TITLE_TAG)) addTag(labels, match[2]!);
  for (const annotation of annotations(dictValue(details, 'annotation'))) apply(labels, annotation);
  const title = rawTitle.replace(TITLE_TAG, ' ').replace(/\s+/g, ' ').trim() || rawTitle;
  return { labels, title };
}

function apply(labels: TestLabels, annotation: { type: string; description: string | undefined }): void {
  const type = annotation.type.toLowerCase();
  const description = annotation.description;
  if (description === undefined) {
    if (type === 'skip' || type === 'fixme') labels.skipped = true;
    return;
  }
  if (type === 'operation') labels.operations.push(description);
  else if (type === 'covers') labels.covers.push(description);
  else if (type === 'feature') labels.feature = description;
  else if (type === 'story') labels.story = description;
  else if (type === 'owner') labels.owner = description;
  else if (type === 'priority' || type === 'severity')
    labels.priority = priorityOf(description) ?? labels.priority;
  else if (LINK_TYPES.has(type)) labels.links.push({ url: description, name: type });
}

function annotations(expr: CodeExpr | undefined): { type: string; description: string | undefined }[] {
  const items = expr?.t === 'list' ? expr.items : expr ? [expr] : [];
  return items.flatMap((item) => {
    const type = stringValue(dictValue(item, 'type'));
    return type === undefined ? [] : [{ type, description: stringValue(dictValue(item, 'description')) }];
  });
}

function strings(expr: CodeExpr | undefined): string[] {
  if (expr?.t === 'str') return [expr.v];
  if (expr?.t === 'list') return expr.items.flatMap((item) => (item.t === 'str' ? [item.v] : []));
  return [];
}
