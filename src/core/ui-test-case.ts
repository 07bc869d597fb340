/**
 * The format-independent UI test case model: generation/ui designs it from a SiteModel, UI
 * emitters render it (Playwright Test TypeScript now). Every locator is one the explorer recorded
 * as unique on its page; cases refer to them as named members of page objects, so an emitter can
 * hold them in one place per page and a reader sees `configureVm.region`, not a selector.
 */
import type { LoginStep } from './login-step.ts';
import type { UiLocator, Viewport } from './page-model.ts';

export type UiCaseKind =
  | 'smoke'
  | 'navigation'
  | 'interaction'
  /** Starts from a flow's state (a service added first): what a page shows then, what it offers. */
  | 'state'
  | 'form'
  | 'boundary'
  | 'mobile'
  | 'accessibility'
  | 'aria-snapshot';

export type UiPriority = 'critical' | 'normal' | 'low';

/** A locator as a member of a page object: `{ page: 'configure-vm', name: 'region' }`. */
export interface UiTarget {
  /** Id of the page (object) the locator belongs to. */
  page: string;
  /** Member name, a valid identifier unique within its page object. */
  name: string;
  locator: UiLocator;
}

export type UiStepAction =
  /**
   * Opens the page at its path (relative to the suite's base URL). `afterWrites`: first waits
   * until the app's writes (requests other than GET) have gone out, so a reload keeps a save.
   */
  | { kind: 'goto'; page: string; path: string; afterWrites?: boolean }
  /** `acceptDialog`: the one dialog the click asks is accepted (UiAction's `acceptDialog`). */
  | { kind: 'click'; target: UiTarget; acceptDialog?: true }
  /**
   * `value: ''` clears the field. `mark`: letters of the value made up to be new to the app
   * (UiAction's `mark`); each run of the test types letters of its own in their place, and
   * expects them wherever the suite expects the value.
   */
  | { kind: 'fill'; target: UiTarget; value: string; mark?: string }
  /** By option value (an emitter may fall back to the label). */
  | { kind: 'select'; target: UiTarget; value: string }
  | { kind: 'check'; target: UiTarget }
  | { kind: 'uncheck'; target: UiTarget }
  /** `acceptDialog`: as a click's (UiAction's `acceptDialog`). */
  | { kind: 'press'; target: UiTarget; key: string; acceptDialog?: true }
  | { kind: 'hover'; target: UiTarget }
  | { kind: 'dblclick'; target: UiTarget }
  /**
   * Opens the same-origin URL the target holds (a field's value, a link's href) as a new visitor:
   * cookies and storage cleared first. `page` is the page it opens.
   */
  | { kind: 'open-shared'; target: UiTarget; page: string };

export type UiElementState =
  'enabled' | 'disabled' | 'checked' | 'unchecked' | 'expanded' | 'collapsed' | 'invalid' | 'valid';

export type UiAssertion =
  /** Path plus query relative to the base URL, or an absolute URL for another origin. */
  | { kind: 'url'; path: string }
  | { kind: 'title'; text: string }
  | { kind: 'visible'; target: UiTarget }
  /** Gone: hidden or removed. Every remove or close flow ends with one. */
  | { kind: 'hidden'; target: UiTarget }
  /** The whole text, whitespace-normalised: an exact new value, not a substring. */
  | { kind: 'text'; target: UiTarget; text: string }
  | { kind: 'value'; target: UiTarget; value: string }
  | { kind: 'count'; target: UiTarget; count: number }
  /**
   * The field reports this validation message: its native `validationMessage`, or the visible
   * text of an element that describes it (`aria-errormessage`, `aria-describedby`).
   */
  | { kind: 'field-message'; target: UiTarget; message: string }
  | { kind: 'state'; target: UiTarget; state: UiElementState }
  /** Scrolled into view, the element lies wholly inside the viewport (not cut off at the side). */
  | { kind: 'in-viewport'; target: UiTarget }
  | { kind: 'aria-snapshot'; target: UiTarget; snapshot: string }
  /** A native dialog with this message was shown during the test (dialogs are dismissed). */
  | { kind: 'dialog'; dialogType: 'alert' | 'confirm' | 'prompt' | 'beforeunload'; message: string }
  /** Nothing was written to the console as an error and no script threw, once the page settled. */
  | { kind: 'no-console-errors' }
  | { kind: 'no-horizontal-overflow' }
  /**
   * An axe-core scan. Violations of these impacts are findings (attachment + annotation); they
   * fail the test only when `fail` is set (the suite option `failOnA11y`).
   */
  | { kind: 'accessibility'; impacts: ('minor' | 'moderate' | 'serious' | 'critical')[]; fail: boolean };

export interface UiStep {
  /** Says what the step does: `select "Saint Petersburg (ru-north-1)" in Region`. */
  title: string;
  phase: 'arrange' | 'act' | 'assert';
  actions: UiStepAction[];
  assertions: UiAssertion[];
}

export interface UiTestCase {
  /** Stable slug, unique in a suite. */
  id: string;
  /** Says what is checked: `Selecting region "…" changes the live price to "3 249,00 ₽ per month"`. */
  title: string;
  kind: UiCaseKind;
  /** Page the case starts on; groups cases into one spec file per page. */
  page: string;
  priority: UiPriority;
  /** Which of the suite's viewports the case runs at. */
  viewport: 'desktop' | 'mobile';
  steps: UiStep[];
  /** What in the site model the case checks: `interaction select-region`, `link nav-catalogue`. */
  covers: string[];
}

/** One page object: where the page is and the locators the cases use on it. */
export interface UiPageObject {
  id: string;
  /** Path plus query relative to the base URL. */
  path: string;
  title: string;
  locators: UiTarget[];
}

export interface UiSuite {
  title: string;
  /** Where the site was explored: the default base URL of the suite. */
  origin: string;
  viewports: { desktop: Viewport; mobile: Viewport };
  pages: UiPageObject[];
  cases: UiTestCase[];
  /** Whether serious/critical accessibility findings fail their tests. */
  failOnA11y: boolean;
  /** What the model offered but no case checks, and why (never silently dropped). */
  skipped: { what: string; reason: string }[];
  /** `--login-steps` exploration signed in with: the suite signs in the same way before its tests. */
  loginSteps?: LoginStep[];
}
