// Where a statement sits: Markdown headings, then plain-text labels people use instead of
// headings ("Стартовая страница:" above a list), then the user story an acceptance criterion
// belongs to. Joined as `Configuration › Compute`.

export const SECTION_SEPARATOR = ' › ';

interface Label {
  indent: number;
  text: string;
}

export class SectionPath {
  private headings: { level: number; text: string }[] = [];
  private labels: Label[] = [];
  private story: string | undefined;

  /** `titleLine`: the document's single top heading names the document, not a section. */
  constructor(private readonly titleLine: number | undefined) {}

  heading(level: number, text: string, line: number): void {
    this.labels = [];
    this.story = undefined;
    if (line === this.titleLine) return;
    this.headings = [...this.headings.filter((heading) => heading.level < level), { level, text }];
  }

  /** A label line or a list item ending in ":"; deeper labels nest, others replace. */
  label(text: string, indent: number): void {
    this.story = undefined;
    this.labels = [
      ...this.labels.filter((label) => label.indent < indent),
      { indent, text: trimLabel(text) },
    ];
  }

  /** An item at this indent closes the labels opened by items at the same or a deeper indent. */
  closeLabelsAt(indent: number): void {
    this.labels = this.labels.filter((label) => label.indent < indent);
  }

  enterStory(label: string | undefined): void {
    this.story = label;
  }

  get inStory(): boolean {
    return this.story !== undefined;
  }

  toString(): string {
    const parts = [
      ...this.headings.map((heading) => heading.text),
      ...this.labels.map((label) => label.text),
    ];
    if (this.story) parts.push(this.story);
    return parts.join(SECTION_SEPARATOR);
  }
}

function trimLabel(text: string): string {
  return text
    .replace(/\s*[:：\-–—]+\s*$/, '')
    .replace(/\s+-{1,2}\s+/g, ' — ')
    .trim();
}
