import type { Requirement } from '../../core/manual-case.ts';
import { splitKey, type RequirementIds } from './requirement-keys.ts';
import type { SectionPath } from './section-path.ts';
import { parseUserStory, storyLabel } from './story-patterns.ts';

/**
 * Collects requirements as a reader finds statements: gives each its id and section, and
 * tracks the user story that following acceptance criteria belong to.
 */
export class RequirementSink {
  readonly out: Requirement[] = [];
  /** Set by an "Acceptance criteria:" label under a story; cleared by the next heading or label. */
  acceptance = false;

  constructor(
    private readonly file: string,
    private readonly ids: RequirementIds,
    private readonly section: SectionPath,
  ) {}

  /** Opens acceptance criteria when a story is in scope (a stray label changes nothing). */
  openAcceptance(): void {
    this.acceptance = this.section.inStory;
  }

  statement(text: string, line: number): void {
    const story = parseUserStory(splitKey(text).text);
    if (!story) return this.emit(text, line, this.acceptance ? 'acceptance-criterion' : 'statement');
    this.section.enterStory(undefined);
    this.emit(text, line, 'user-story');
    this.section.enterStory(storyLabel(story));
    this.acceptance = false;
  }

  emit(text: string, line: number, form: Requirement['form'] = 'statement'): void {
    const { key, text: body } = splitKey(text);
    if (body === '') return;
    this.out.push({
      id: this.ids.take(key),
      text: body,
      section: this.section.toString(),
      source: { file: this.file, line },
      form,
    });
  }
}
