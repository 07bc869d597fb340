/**
 * The page model: what sources/web records while exploring a live web app in a real browser,
 * and what generation/ui (and the manual case generator) read. Saved as versioned JSON under
 * `<out>/model/`; a reader refuses a newer version than it knows.
 */
export const SITE_MODEL_VERSION = 1;

export interface SiteModel {
  version: typeof SITE_MODEL_VERSION;
  startUrl: string;
  origin: string;
  exploredAt: string;
  viewports: { desktop: Viewport; mobile: Viewport };
  pages: PageModel[];
  /** Internal links between explored pages: the navigation graph. */
  navigation: NavigationEdge[];
  /** Pages or steps that could not be explored, with why; the rest of the model is complete. */
  issues: { url: string; message: string }[];
  durations: { totalMs: number; perPageMs: Record<string, number> };
  /**
   * Short flows that change what other pages show (adding an item to a cart), found among the
   * observed interactions. Replayed as a precondition, each leads to the `states` of pages.
   * Absent in models written before flows were explored.
   */
  flows?: StateFlow[];
}

export interface StateFlow {
  /** Unique in the model: `configure-vm-add-to-estimate`. */
  id: string;
  /** The page the flow runs on, from a fresh load. */
  page: string;
  /** Its actions on that page, in order (ids of that page's elements). */
  actions: UiAction[];
}

/**
 * A page as it shows after a flow: the flow replayed in a fresh context, then the page opened.
 * Elements seen only in this state are in the page's `elements` as not visible on arrival.
 */
export interface PageState {
  /** Id of the flow in `SiteModel.flows`. */
  flow: string;
  /** How the page differs from a fresh load (outside the landmarks every page shares). */
  effects: UiEffect[];
  /** Two independent replays showed the same differences. */
  reproducible: boolean;
  /** Interactions tried in this state; their setup starts from it. */
  interactions: ObservedInteraction[];
  /** Links to this state the page hands out (a share link), opened as a new visitor. */
  sharedLinks: SharedLink[];
  /**
   * The flow's own page as the flow left it, not opened again: an app that keeps its state in
   * the page (an editor a "New" button opened) shows it only there. Tests go on from the flow.
   */
  inPlace?: boolean;
  /**
   * The flow's page opened again once the app's writes had gone out (a save sent a moment after
   * the change): what a reload still shows of what the flow created, or its search box finds.
   * Tests wait for the writes the same way before opening the page again.
   */
  reloaded?: boolean;
}

export interface SharedLink {
  /** Actions in the state that produce the link (e.g. click "Share link"). */
  setup: UiAction[];
  /** Element id on this page that holds the same-origin URL: a field's value or a link's href. */
  holder: string;
  /** Id of the explored page the link opens. */
  opens: string;
  /** What that page shows, opened by the link with no cookies or storage, that a fresh load does not. */
  effects: UiEffect[];
  reproducible: boolean;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface PageModel {
  /** Stable id from the path: `catalog`, `configure-vm`, `home`. */
  id: string;
  url: string;
  /** Path plus query, relative to the origin: what tests `goto`. */
  path: string;
  title: string;
  depth: number;
  /** Whether the page reached a settled state (network quiet, DOM stable) within the bound. */
  settled: boolean;
  settleMs: number;
  headings: { level: number; text: string }[];
  /** `visible: false` when the landmark shows nothing on a fresh load (absent: visible). */
  landmarks: { role: string; name: string; visible?: false }[];
  /** Playwright aria snapshot of the body, truncated to a bound (see `ariaSnapshotTruncated`). */
  ariaSnapshot: string;
  ariaSnapshotTruncated: boolean;
  /** Aria snapshots of landmark regions whose content did not change during exploration. */
  stableRegions: { locator: UiLocator; snapshot: string }[];
  elements: UiElement[];
  forms: UiForm[];
  links: UiLink[];
  /** Observed cause → effect pairs: the oracles for generated assertions. */
  interactions: ObservedInteraction[];
  consoleErrors: string[];
  failedRequests: { url: string; failure: string }[];
  /** Relative to the model folder. */
  screenshot: string | undefined;
  mobile: MobileObservation | undefined;
  /** The page after flows of the site (absent in models written before flows were explored). */
  states?: PageState[];
  /**
   * Numbered texts a fresh-load interaction showed that differed when it ran again once the
   * flows had created data ("0 matches", then "2 matches"): derived from what exists.
   */
  dataDerived?: DataDerivedText[];
}

export interface DataDerivedText {
  /** As exploration first saw it. */
  text: string;
  /** As the same interaction showed it after the flows. */
  after: string;
  /** Id of the interaction that showed it. */
  interaction: string;
}

/**
 * A locator that is unique on its page when recorded. Never XPath, CSS `nth` or generated
 * class names: role + accessible name first, then label, placeholder, test id, text, then an
 * element id written by hand (icon-only controls of apps without test ids; see `stableId`), and
 * last a tag with a class written by hand (same rule).
 */
export type UiLocator =
  | { strategy: 'role'; role: string; name?: string; exact?: boolean; within?: UiLocator }
  | { strategy: 'label'; text: string; exact?: boolean; within?: UiLocator }
  | { strategy: 'placeholder'; text: string; within?: UiLocator }
  | { strategy: 'testid'; testId: string; within?: UiLocator }
  | { strategy: 'text'; text: string; exact?: boolean; within?: UiLocator }
  /** `#id`, for an id that reads as written by hand: never scoped, ids are page-unique. */
  | { strategy: 'id'; id: string; within?: UiLocator }
  /**
   * `input.tc-titlebar`: a tag and a class its authors wrote (see `stableId`), for a control with
   * no name, test id or id (a title box whose only label is its look). Last of all.
   */
  | { strategy: 'class'; tag: string; className: string; within?: UiLocator }
  /**
   * The one block of an item (`article`, `li`, `[role=row]`…) that holds this text: an item the
   * test itself created, found by the text it typed, so that controls every item repeats
   * (`delete` on each card) are scoped to its own. Only as another locator's `within`.
   */
  | { strategy: 'item'; selector: string; text: string; within?: UiLocator };

/** Roles of blocks that hold other content: landmarks, regions, dialogs, lists, groups. */
export const CONTAINER_ROLES: ReadonlySet<string> = new Set([
  'banner',
  'contentinfo',
  'main',
  'navigation',
  'complementary',
  'region',
  'form',
  'search',
  'dialog',
  'list',
  'group',
]);

/**
 * An element id a person wrote (`red-ui-header-button-deploy`), not one a framework numbered
 * or hashed (`tab-87a79fd7`, `:r3:`, `ember412`): letters, `-` and `_` only, so it is also a
 * CSS identifier as it stands.
 */
export function stableId(id: string): boolean {
  return /^[A-Za-z][A-Za-z_-]{1,79}$/.test(id);
}

/**
 * An element id a framework's counter made (React's `:r3:` and `«r3»`, `useId-12`, `mui-4`,
 * `headlessui-menu-3`, `ember412`, `mat-input-0`). The counter stands wherever the app's renders
 * left it, so two loads of one page can give one element two ids: such an id is no key for telling
 * replays apart. Narrower than what `stableId` refuses: a numbered id a person wrote (`item-42`)
 * names the same element on every load.
 */
export const COUNTER_ID =
  /:[rR][0-9a-zA-Z]*:|«[rR][0-9a-zA-Z]*»|^(?:use-?id|mui|radix|headlessui|react-aria|downshift|ember|mat|cdk)(?:[-_:].*)?\d+$/i;

/**
 * A class name a person wrote (`tc-titlebar`), by `stableId`'s rule, and not one that says a
 * passing state (`is-active`, `selected`, `focus`), which the next click may take away.
 */
export function stableClass(name: string): boolean {
  return (
    stableId(name) &&
    !/^(is|has)[-_]|(^|[-_])(active|selected|focus|focused|hover|open|disabled|hidden|visible|current|checked)$/i.test(
      name,
    )
  );
}

export interface UiElement {
  /** Unique within the page, stable across explorations of the same page. */
  id: string;
  role: string;
  /** Accessible name. */
  name: string;
  tag: string;
  inputType: string | undefined;
  locator: UiLocator;
  visible: boolean;
  enabled: boolean;
  /** The landmark or named region it sits in (`navigation "Main"`, `main`). */
  region: string | undefined;
  /** Current value for inputs, selects, sliders; text for others (bounded). */
  value: string | undefined;
  constraints: FieldConstraints | undefined;
  /** Looks like delete/remove/pay/logout/submit-order: never triggered during exploration unless allowed. */
  destructive: boolean;
  /**
   * Set on elements a fresh load does not have: only shown after this flow (`SiteModel.flows`)
   * created what they act on. Such elements are recorded as not visible on arrival.
   */
  afterFlow?: string;
}

export interface FieldConstraints {
  required?: boolean;
  type?: string;
  min?: string;
  max?: string;
  step?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  options?: { value: string; label: string }[];
}

export interface UiForm {
  id: string;
  name: string;
  locator: UiLocator | undefined;
  /** Element ids of its fields, in document order. */
  fields: string[];
  submit: string | undefined;
  /** Validation messages seen when the form was submitted empty (if that was safe to do). */
  emptySubmitMessages: { field: string; message: string }[];
}

export interface UiLink {
  elementId: string;
  text: string;
  href: string;
  internal: boolean;
  /** For internal links: the page id it led to when followed. */
  target: string | undefined;
}

export interface NavigationEdge {
  from: string;
  to: string;
  via: UiLocator;
}

export type UiAction =
  /**
   * `acceptDialog`: the confirm this click asks ("Delete this item?") is accepted, once. Only
   * ever on an item the same steps created (see `strategy: 'item'`): its remove, or the cancel of
   * its edit ("Discard changes?"); every other dialog is dismissed.
   */
  | { kind: 'click'; target: string; acceptDialog?: true }
  /**
   * `mark`: letters of `value` the explorer made up so that what it creates is new to the app (a
   * title no item has yet); a test types its own letters there each run, and expects them.
   */
  | { kind: 'fill'; target: string; value: string; mark?: string }
  | { kind: 'select'; target: string; value: string }
  | { kind: 'check'; target: string }
  | { kind: 'uncheck'; target: string }
  /** `acceptDialog`: as a click's (Escape that cancels an edit of the item and asks first). */
  | { kind: 'press'; target: string; key: string; acceptDialog?: true }
  /** Reveals controls shown only under the pointer (an item's remove button). */
  | { kind: 'hover'; target: string }
  /** Opens an in-place editor (an item's text edited by double-click). */
  | { kind: 'dblclick'; target: string };

export type UiEffect =
  | { kind: 'text-changed'; target: UiLocator; before: string; after: string }
  | { kind: 'appeared'; target: UiLocator; text: string | undefined }
  | { kind: 'disappeared'; target: UiLocator }
  | { kind: 'value-changed'; target: UiLocator; before: string; after: string }
  | {
      kind: 'state-changed';
      target: UiLocator;
      state:
        'enabled' | 'disabled' | 'checked' | 'unchecked' | 'expanded' | 'collapsed' | 'invalid' | 'valid';
    }
  | { kind: 'url-changed'; from: string; to: string }
  | { kind: 'dialog'; type: 'alert' | 'confirm' | 'prompt' | 'beforeunload'; message: string };

export interface ObservedInteraction {
  id: string;
  /** Steps to reach the starting state (e.g. open a menu) before the action, replayed by tests. */
  setup: UiAction[];
  action: UiAction;
  effects: UiEffect[];
  /** The same action gave the same effects twice: safe to assert on. */
  reproducible: boolean;
}

export interface MobileObservation {
  viewport: Viewport;
  /** Element ids visible at the mobile width. */
  visible: string[];
  /** Element ids visible on desktop that are reachable on mobile only after opening a menu. */
  behindMenu: string[];
  menuToggle: UiLocator | undefined;
  horizontalOverflow: boolean;
  /** Elements wider than the viewport (their locators), when there is overflow. */
  overflowing: UiLocator[];
  screenshot: string | undefined;
  /**
   * Text a phone user must still see: headings and notices of the page's landmarks visible at
   * the mobile width (bounded). Absent in older models.
   */
  content?: UiLocator[];
}
