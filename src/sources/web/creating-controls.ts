// Whether clicking a control creates something, judged by what it says: a form's submit, or a
// control named "Add …", "New …", "Create …". Such clicks are tried first among a page's clicks,
// done twice as a probe, and the flows after the crawl start from them.
import type { UiElement } from '../../core/page-model.ts';

const CREATES = /(^|[^\p{L}])(add|create|new|save|insert|submit)($|[^\p{L}])/iu;

/** Whether clicking the element creates something: a form submit or a control named "Add …". */
export function createsSomething(element: UiElement, submits: boolean): boolean {
  return !element.destructive && (submits || CREATES.test(element.name));
}
