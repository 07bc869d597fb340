import type { PageModel, SiteModel, UiElement, UiLink, UiLocator } from '../../core/page-model.ts';
import type { UiCaseKind, UiTarget } from '../../core/ui-test-case.ts';
import { locatorKey, hintForLocator } from './locator-names.ts';
import { PageObjectRegistry } from './page-object-registry.ts';
import type { RuleIntent } from './rule-intent-proposals.ts';
import { VolatileTexts } from './volatile-texts.ts';

export interface GenerateUiSuiteOptions {
  /** Serious/critical accessibility findings fail their tests (default: reported only). */
  failOnA11y?: boolean;
  /** Only these kinds of cases (default: all). */
  kinds?: UiCaseKind[];
  /** Navigation cases per page, one per distinct target (default 10). */
  maxLinksPerPage?: number;
  /** Controls checked per page at the mobile width (default 8). */
  maxMobileControls?: number;
  /** Suite title (default: the explored origin). */
  title?: string;
  /** Scenarios the model proposed, already checked against the page model (see proposeRuleIntents). */
  ruleIntents?: RuleIntent[];
}

/** What every case family reads: the model, lookups into it, the page objects, what was skipped. */
export class UiGenerationContext {
  readonly model: SiteModel;
  readonly options: Required<Omit<GenerateUiSuiteOptions, 'kinds' | 'title' | 'ruleIntents'>>;
  readonly skipped: { what: string; reason: string }[] = [];
  readonly objects: PageObjectRegistry;
  /** Landmarks (`navigation "Main"`) every explored page has: the site's shared frame. */
  readonly sharedRegions: Set<string>;
  /** Texts the app derives from existing data or the clock: never expected exactly. */
  readonly volatile: VolatileTexts;
  readonly #pages: Map<string, PageModel>;
  readonly #checked = new Set<string>();

  constructor(model: SiteModel, options: GenerateUiSuiteOptions) {
    this.model = model;
    this.options = {
      failOnA11y: options.failOnA11y ?? false,
      maxLinksPerPage: options.maxLinksPerPage ?? 10,
      maxMobileControls: options.maxMobileControls ?? 8,
    };
    this.#pages = new Map(model.pages.map((page) => [page.id, page]));
    this.objects = new PageObjectRegistry(model.pages);
    this.sharedRegions = sharedRegions(model.pages);
    this.volatile = new VolatileTexts(model);
  }

  /**
   * True the first time a site-wide check is asked for: what the shared frame of every page
   * offers (the main menu, the phone menu) is checked on the first page that has it.
   */
  once(check: string): boolean {
    if (this.#checked.has(check)) return false;
    this.#checked.add(check);
    return true;
  }

  /** Whether an element sits in the frame every page shares. */
  inSharedRegion(element: UiElement): boolean {
    return element.region !== undefined && this.sharedRegions.has(element.region);
  }

  page(id: string): PageModel | undefined {
    return this.#pages.get(id);
  }

  element(pageId: string, elementId: string): UiElement | undefined {
    return this.#pages.get(pageId)?.elements.find((element) => element.id === elementId);
  }

  link(pageId: string, elementId: string): UiLink | undefined {
    return this.#pages.get(pageId)?.links.find((link) => link.elementId === elementId);
  }

  /** The page object member for an element, named after its id. */
  elementTarget(pageId: string, element: UiElement): UiTarget {
    return this.objects.target(pageId, element.locator, element.id);
  }

  /**
   * The member for a locator: named after the element it belongs to when the model has one,
   * else after `hint` or the locator itself.
   */
  locatorTarget(pageId: string, locator: UiLocator, hint?: string): UiTarget {
    const key = locatorKey(locator);
    const owner = this.#pages.get(pageId)?.elements.find((element) => locatorKey(element.locator) === key);
    return this.objects.target(pageId, locator, owner?.id ?? hint ?? hintForLocator(locator));
  }

  /** The explored page a URL (absolute or origin-relative) points at, ignoring the fragment. */
  pageForUrl(url: string): PageModel | undefined {
    const path = this.pathOf(url).replace(/#.*$/, '');
    return (
      this.model.pages.find((page) => page.path === path) ??
      this.model.pages.find((page) => page.path.split('?')[0] === path.split('?')[0])
    );
  }

  /** Path plus query relative to the explored origin; other origins stay absolute. */
  pathOf(url: string): string {
    const parsed = new URL(url, this.model.origin);
    if (parsed.origin !== new URL(this.model.origin).origin) return parsed.href;
    return parsed.pathname + parsed.search + parsed.hash;
  }

  /** Records why no case was built; returns undefined so a builder can `return context.skip(…)`. */
  skip(what: string, reason: string): undefined {
    this.skipped.push({ what, reason });
    return undefined;
  }
}

function sharedRegions(pages: PageModel[]): Set<string> {
  const label = (landmark: { role: string; name: string }): string =>
    landmark.name ? `${landmark.role} "${landmark.name}"` : landmark.role;
  const [first, ...rest] = pages;
  if (!first || rest.length === 0) return new Set();
  return new Set(
    first.landmarks
      .filter((landmark) => landmark.role !== 'main') // on every page, but each page's own content
      .map(label)
      .filter((region) => rest.every((page) => page.landmarks.some((other) => label(other) === region))),
  );
}
