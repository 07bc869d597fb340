// Picks the best locator that is unique on the page right now, in the contract's order of
// preference: role + accessible name, label, placeholder, test id, text, a written id, a tag
// with a written class; scoped `within` an
// enclosing landmark, region or dialog when that is what it takes to be unique. Every candidate
// is resolved in the page and must match exactly the intended element, nothing else.
import type { Page } from '@playwright/test';
import { withoutIconGlyphs } from '../../core/icon-glyphs.ts';
import { countFreeStretch, holdsCount } from '../../core/numbered-text.ts';
import { beforeRelativeTime, holdsRelativeTime } from '../../core/relative-time.ts';
import { CONTAINER_ROLES, stableClass, stableId, type UiLocator } from '../../core/page-model.ts';
import { keysOfMatches } from './in-page-script.ts';
import type { ScopeFacts } from './in-page-types.ts';
import { toPlaywrightLocator } from './ui-locator.ts';

export interface LocatorTarget {
  key: string;
  visible: boolean;
  role: string;
  name: string;
  labels: string[];
  ariaLabel: string;
  placeholder: string;
  testId: string;
  text: string;
  /** The element's own `id` attribute ('' when none). */
  elementId: string;
  tag: string;
  /** Its class names, as written (absent in facts that did not read them). */
  classNames?: string[];
  scopes: ScopeFacts[];
}

export interface ChooseOptions {
  /** Texts that are about to change (a text-changed target): locators must not depend on them. */
  avoidTexts?: string[];
}

const MAX_NAME = 100;
const MAX_TEXT = 80;
const MAX_ATTEMPTS = 24;
// Classes tried per element: the first few written ones say most (`tc-titlebar tc-edit-texteditor`).
const MAX_CLASSES = 3;
const roleless = new Set(['', 'generic', 'none', 'presentation', 'text']);
// Landmarks that are recognisable without a name; other scopes need one to mean anything.
const namelessScopes = new Set(['main', 'banner', 'contentinfo', 'navigation', 'search', 'form', 'dialog']);

interface OwnCandidates {
  preferred: UiLocator[];
  /**
   * Names and texts that hold a count ("0 matches", "Feature flags (3)", "21"): the count is
   * what the app holds, which the suite's own creates change between runs (seen on a real wiki:
   * the search toggle "0 matches" read "9 matches" once a create test had run). Tried only when
   * no other candidate, scoped or not, tells the element apart.
   */
  lastResort: UiLocator[];
}

function ownCandidates(target: LocatorTarget): OwnCandidates {
  const candidates: UiLocator[] = [];
  const lastResort: UiLocator[] = [];
  // A written id says more than a control's role with no readable name (none, or icon glyphs
  // only), and survives another such control being added; a test id still comes first. A block
  // (a footer, a list) keeps its role: what it holds is checked by that role (effect-assertions.ts).
  const id: UiLocator[] = stableId(target.elementId) ? [{ strategy: 'id', id: target.elementId }] : [];
  const control = !CONTAINER_ROLES.has(target.role);
  if (control && withoutIconGlyphs(target.name) === '' && !target.testId) candidates.push(...id.splice(0));
  // A name that holds a relative time ("Updated 7 minutes ago") reads differently minutes later:
  // only the words before it are held, as a part of the name.
  const stem = beforeRelativeTime(target.name);
  if (!roleless.has(target.role) && stem !== undefined) {
    if (stem !== '' && stem.length <= MAX_NAME)
      candidates.push({ strategy: 'role', role: target.role, name: stem });
  } else if (!roleless.has(target.role) && target.name.length <= MAX_NAME) {
    // A name with a count is found by its words beside the count, as a part of the name.
    const counted = holdsCount(target.name);
    const words = counted ? countFreeStretch(target.name) : '';
    if (words) candidates.push({ strategy: 'role', role: target.role, name: words });
    (counted ? lastResort : candidates).push(
      target.name
        ? { strategy: 'role', role: target.role, name: target.name, exact: true }
        : { strategy: 'role', role: target.role },
    );
  }
  const label = target.labels.find(Boolean) ?? target.ariaLabel;
  if (label && label.length <= MAX_NAME && !holdsRelativeTime(label))
    (holdsCount(label) ? lastResort : candidates).push({ strategy: 'label', text: label, exact: true });
  if (target.placeholder) candidates.push({ strategy: 'placeholder', text: target.placeholder });
  if (target.testId) candidates.push({ strategy: 'testid', testId: target.testId });
  const text = target.text;
  if (text && text.length <= MAX_TEXT && !text.endsWith('…') && !holdsRelativeTime(text)) {
    (holdsCount(text) ? lastResort : candidates).push({ strategy: 'text', text, exact: true });
  }
  // Last otherwise: an app without test ids often names its controls by the ids it wrote.
  candidates.push(...id);
  // Last of all: a control with no name, label or id (a title box styled as a heading) is still
  // told apart by the class its authors gave it, with its tag so that a heading of the same
  // class is not confused with it. A named control is not: its name says more than its styling.
  const tag = /^[a-z][a-z0-9-]*$/.test(target.tag) ? target.tag : '';
  const nameless = withoutIconGlyphs(target.name) === '' && !label && !target.placeholder;
  if (tag && nameless && control) {
    const classes = (target.classNames ?? []).filter(stableClass).slice(0, MAX_CLASSES);
    candidates.push(...classes.map((className): UiLocator => ({ strategy: 'class', tag, className })));
  }
  return { preferred: candidates, lastResort };
}

function scopeCandidates(scope: ScopeFacts): UiLocator[] {
  const candidates: UiLocator[] = [];
  if (scope.name && scope.name.length <= MAX_NAME) {
    // A region named with a count ("Results (3)") is found by its words, as a control is.
    const words = holdsCount(scope.name) ? countFreeStretch(scope.name) : '';
    candidates.push(
      words
        ? { strategy: 'role', role: scope.role, name: words }
        : { strategy: 'role', role: scope.role, name: scope.name, exact: true },
    );
  }
  if (scope.testId) candidates.push({ strategy: 'testid', testId: scope.testId });
  if (!scope.name && namelessScopes.has(scope.role)) candidates.push({ strategy: 'role', role: scope.role });
  return candidates;
}

/** Whether a locator's own text overlaps texts that are about to change. */
export function dependsOn(candidate: UiLocator, texts: string[]): boolean {
  const own =
    candidate.strategy === 'role'
      ? (candidate.name ?? '')
      : candidate.strategy === 'testid' || candidate.strategy === 'id' || candidate.strategy === 'class'
        ? ''
        : candidate.text;
  return own !== '' && texts.some((text) => text !== '' && (own.includes(text) || text.includes(own)));
}

async function matchesOnly(page: Page, candidate: UiLocator, target: LocatorTarget): Promise<boolean> {
  try {
    const keys = await keysOfMatches(
      toPlaywrightLocator(page, candidate, { includeHidden: !target.visible }),
    );
    return keys.length === 1 && keys[0] === target.key;
  } catch {
    return false;
  }
}

export async function chooseLocator(
  page: Page,
  target: LocatorTarget,
  options: ChooseOptions = {},
): Promise<UiLocator | undefined> {
  const avoid = options.avoidTexts ?? [];
  const usable = (candidates: UiLocator[]) => candidates.filter((candidate) => !dependsOn(candidate, avoid));
  const { preferred, lastResort } = ownCandidates(target);
  return (
    (await firstUnique(page, target, usable(preferred))) ??
    (await firstUnique(page, target, usable(lastResort)))
  );
}

/** The first candidate that finds only the target: each on its own, then within its scopes. */
async function firstUnique(
  page: Page,
  target: LocatorTarget,
  own: UiLocator[],
): Promise<UiLocator | undefined> {
  let attempts = 0;
  for (const candidate of own) {
    attempts += 1;
    if (await matchesOnly(page, candidate, target)) return candidate;
  }
  for (const scope of target.scopes.slice(0, 4)) {
    for (const within of scopeCandidates(scope)) {
      for (const candidate of own) {
        if (attempts >= MAX_ATTEMPTS) return undefined;
        attempts += 1;
        const scoped = { ...candidate, within };
        if (await matchesOnly(page, scoped, target)) return scoped;
      }
    }
  }
  return undefined;
}
