import type { CaseTrace, ManualStep } from '../../core/manual-case.ts';
import type { PageModel, SiteModel, UiAction, UiElement, Viewport } from '../../core/page-model.ts';
import type { CaseDraft, CaseDesignOptions } from './case-set.ts';
import { priorityOf } from './case-priority.ts';
import { act, arrange } from './manual-steps.ts';
import { blockName, describeAction, pageName } from './page-words.ts';

/** What every case designed from one page shares: its feature, link, opening steps and trace. */
export class PageCaseContext {
  constructor(
    readonly site: SiteModel,
    readonly page: PageModel,
    readonly options: CaseDesignOptions,
  ) {}

  get name(): string {
    return pageName(this.page);
  }

  /** Arrange: a fresh session on this page (desktop unless told). */
  openSteps(viewport = this.site.viewports.desktop): ManualStep[] {
    return [this.sessionStep(viewport), arrange(`Open ${this.page.url}`, this.loaded())];
  }

  sessionStep(viewport: Viewport = this.site.viewports.desktop): ManualStep {
    return arrange(
      `Start a fresh browser session with a ${viewport.width}×${viewport.height} window and no saved data`,
    );
  }

  /** Opening the page as the action under test (visibility and mobile cases). */
  openAct(): ManualStep {
    return act(`Open ${this.page.url}`, this.loaded());
  }

  loaded(): string {
    return `the page "${this.page.title}" shows the heading "${this.name}"`;
  }

  element(id: string): UiElement | undefined {
    return (
      this.page.elements.find((element) => element.id === id) ??
      this.site.pages.flatMap((page) => page.elements).find((element) => element.id === id)
    );
  }

  action(action: UiAction): string {
    return describeAction(action, (id) => this.element(id));
  }

  /** `words`: what the case is about, for its priority (link texts are not: every page has "price" in its brand). */
  base(
    block: string | undefined,
    elements: string[],
    words: string[],
  ): Pick<
    CaseDraft,
    'feature' | 'story' | 'suite' | 'links' | 'trace' | 'preconditions' | 'priority' | 'tags'
  > {
    const trace: CaseTrace[] = elements.map((element) => ({ kind: 'element', page: this.page.id, element }));
    return {
      feature: this.name,
      story: blockName(block),
      suite: 'UI',
      links: [{ url: this.page.url, name: `${this.name} (${this.page.path})` }],
      trace: trace.length > 0 ? trace : [{ kind: 'element', page: this.page.id, element: 'page' }],
      preconditions: [`The application is reachable at ${this.site.origin}`],
      priority: priorityOf(...words),
      tags: [this.page.id],
    };
  }
}
