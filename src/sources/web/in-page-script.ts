// The explorer's in-page code lives in plain JavaScript files (in-page/*.js) installed as an
// init script, instead of TypeScript functions handed to page.evaluate: the TS runners we use
// (tsx, vitest) rewrite named functions with helpers such as `__name` that the page lacks.
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { LOADING_PLACEHOLDERS, PLACEHOLDER_BLOCKS } from '../../core/loading-placeholders.ts';
import { COUNTER_ID } from '../../core/page-model.ts';

const files = [
  'mutation-clock.js',
  'element-keys.js',
  'element-roles.js',
  'describe-element.js',
  'collect-page.js',
  'observe-state.js',
];

let source: Promise<string> | undefined;

function inPageSource(): Promise<string> {
  source ??= Promise.all(
    files.map((file) => readFile(new URL(`./in-page/${file}`, import.meta.url), 'utf8')),
  ).then((parts) =>
    // Constants the page needs from ours, set once the namespace exists (mutation-clock.js).
    [
      ...parts,
      `globalThis.__testopsExplorer.loadingSelector = ${JSON.stringify(LOADING_PLACEHOLDERS)};`,
      `globalThis.__testopsExplorer.placeholderBlocks = ${JSON.stringify(PLACEHOLDER_BLOCKS)};`,
      `globalThis.__testopsExplorer.counterId = new RegExp(${JSON.stringify(COUNTER_ID.source)}, ${JSON.stringify(COUNTER_ID.flags)});`,
    ].join('\n'),
  );
  return source;
}

/** Runs the in-page scripts at the start of every document the context opens. */
export async function installInPageScript(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: await inPageSource() });
}

// Built at run time from strings, so no transpiler rewrites them before Playwright serializes them.
const callApi = new Function(
  'call',
  'return globalThis.__testopsExplorer[call.name](...call.args);',
) as (call: { name: string; args: unknown[] }) => unknown;

const keysOfElements = new Function(
  'elements',
  'return elements.map((element) => globalThis.__testopsExplorer.keyOf(element));',
) as (elements: unknown[]) => string[];

const describeElements = new Function(
  'elements',
  'return elements.map((element) => globalThis.__testopsExplorer.describe(element));',
) as (elements: unknown[]) => unknown[];

/** Calls a function of the in-page API (`globalThis.__testopsExplorer`). */
export async function callInPage<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return (await page.evaluate(callApi, { name, args })) as T;
}

const statesOfElements = new Function(
  'elements',
  "const api = globalThis.__testopsExplorer; return elements.map((element) => ({ visible: api.isVisible(element), placeholder: api.isPlaceholder(element), enabled: !element.disabled && element.getAttribute('aria-disabled') !== 'true' }));",
) as (elements: unknown[]) => MatchState[];

/** What each element a locator matches is: shown or not, a loading placeholder or real, enabled or not. */
export interface MatchState {
  visible: boolean;
  placeholder: boolean;
  /** Neither `disabled` nor `aria-disabled="true"`. */
  enabled: boolean;
}

export function statesOfMatches(locator: Locator): Promise<MatchState[]> {
  return locator.evaluateAll(statesOfElements);
}

/** The internal keys of every element a locator matches (hidden ones included). */
export function keysOfMatches(locator: Locator): Promise<string[]> {
  return locator.evaluateAll(keysOfElements);
}

export async function describeMatches<T>(locator: Locator): Promise<T[]> {
  return (await locator.evaluateAll(describeElements)) as T[];
}
