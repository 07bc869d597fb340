// Whether clicking a control creates something, judged by what it says: a form's submit, or a
// control named "Add …", "New …", "Create …". Such clicks are tried first among a page's clicks,
// done twice as a probe, and the flows after the crawl start from them. A "New …" or "Create …"
// control that submits no form opens a create (a dialog, a drawer, an editor): tried before
// anything else of its page.
import type { UiElement } from '../../core/page-model.ts';

const CREATES = /(^|[^\p{L}])(add|create|new|save|insert|submit)($|[^\p{L}])/iu;
/**
 * "Add to favorites", "Add to watchlist": a mark the user sets on something that exists, kept
 * per user and flipped by the next click ("Remove from favorites"). Nothing new is made, and
 * a flow replayed from it leaves the mark on for every later test.
 */
const MARKS = /(^|[^\p{L}])(favou?rites?|bookmarks?|watch ?list|starred|pinned)($|[^\p{L}])/iu;

/** Whether clicking the element creates something: a form submit or a control named "Add …". */
export function createsSomething(element: UiElement, submits: boolean): boolean {
  if (element.destructive) return false;
  return submits || (CREATES.test(element.name) && !MARKS.test(element.name));
}

const OPENS = /(^|[^\p{L}])(new|create)($|[^\p{L}])/iu;

/**
 * Whether clicking the element opens a create: named "New …" or "Create …", submitting no form.
 * "Add …" is left out: it as often adds at once ("Add to cart") or opens a filter ("Add filter").
 */
export function opensCreate(element: UiElement, submits: boolean): boolean {
  return !submits && createsSomething(element, false) && OPENS.test(element.name);
}
