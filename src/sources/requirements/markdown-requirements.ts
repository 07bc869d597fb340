import type { Requirement } from '../../core/manual-case.ts';
import { classifyLine, type LineKind, type MarkerFamily } from './line-kinds.ts';
import { ItemText } from './item-text.ts';
import { RequirementIds, keysIn, rowStatement } from './requirement-keys.ts';
import { RequirementSink } from './requirement-sink.ts';
import { SectionPath } from './section-path.ts';
import { sentencesOf } from './sentences.ts';
import { plainText, type SourceLine } from './source-lines.ts';
import { isAcceptanceLabel, startsUserStory } from './story-patterns.ts';

// Reads Markdown, plain lists and the messy text peers write: a list item is one requirement
// (with its continuation lines and child items), a paragraph gives one per sentence, a table
// row one per row. Headings and label lines ("Каталог", "Start page:") build the section path.

interface OpenItem {
  line: number;
  indent: number;
  family: MarkerFamily;
  text: ItemText;
}

export function readMarkdownRequirements(
  lines: SourceLine[],
  file: string,
  titleLine?: number,
): Requirement[] {
  return new MarkdownReader(lines, file, titleLine).read();
}

class MarkdownReader {
  private readonly kinds: LineKind[];
  private readonly section: SectionPath;
  private readonly sink: RequirementSink;
  private item: OpenItem | undefined;
  private paragraph: SourceLine[] = [];
  private tableHeader = false;

  constructor(
    private readonly lines: SourceLine[],
    file: string,
    private readonly titleLine: number | undefined,
  ) {
    this.kinds = lines.map(classifyLine);
    this.section = new SectionPath(titleLine);
    const ids = new RequirementIds(lines.flatMap((line) => keysIn(line.text)));
    this.sink = new RequirementSink(file, ids, this.section);
  }

  read(): Requirement[] {
    let inFence = false;
    this.lines.forEach((line, index) => {
      const kind = this.kinds[index]!;
      if (kind.kind === 'fence') inFence = !inFence;
      if (inFence || kind.kind === 'fence' || line.number === this.titleLine) return this.flush();
      this.visit(line, kind, index);
    });
    this.flush();
    return this.sink.out;
  }

  private visit(line: SourceLine, kind: LineKind, index: number): void {
    switch (kind.kind) {
      case 'blank':
      case 'comment':
      case 'fence':
        return this.flush();
      case 'heading':
        return this.heading(kind.level, plainText(kind.text), line.number);
      case 'rule':
        return this.rule(kind.char);
      case 'table-rule':
        this.tableHeader = false;
        return;
      case 'table-row':
        return this.tableRow(kind.cells, line, index);
      case 'item':
        return this.listItem(kind.text, kind.family, line);
      case 'text':
        return this.text(kind.text, line, index);
    }
  }

  private heading(level: number, text: string, line: number): void {
    this.flush();
    if (isAcceptanceLabel(text)) return this.sink.openAcceptance();
    this.sink.acceptance = false;
    this.section.heading(level, text, line);
  }

  /** `===` or `---` under a single paragraph line makes it a (setext) heading. */
  private rule(char: string): void {
    const [only] = this.paragraph;
    if ((char === '=' || char === '-') && this.paragraph.length === 1 && only && !this.item) {
      this.paragraph = [];
      return this.heading(char === '=' ? 1 : 2, plainText(only.text), only.number);
    }
    this.flush();
  }

  private tableRow(cells: string[], line: SourceLine, index: number): void {
    this.flush();
    this.tableHeader ||= this.kinds[index + 1]?.kind === 'table-rule';
    if (this.tableHeader) return;
    const statement = rowStatement(cells.map(plainText));
    if (statement) this.sink.emit(statement, line.number);
  }

  private listItem(text: string, family: MarkerFamily, line: SourceLine): void {
    this.flushParagraph();
    const open = this.item;
    const child = open && line.indent > open.indent && (family === 'bullet' || family !== open.family);
    if (open && child && open.text.endsWithOneOf(':：')) {
      this.section.label(plainText(open.text.toString()), open.indent);
    } else if (open && child) {
      open.text.dropFinal('.;');
      open.text.append(`; ${text}`);
      return;
    } else this.closeItem();
    this.section.closeLabelsAt(line.indent);
    this.item = { line: line.number, indent: line.indent, family, text: new ItemText(text) };
  }

  private text(text: string, line: SourceLine, index: number): void {
    const open = this.item;
    if (open && (line.indent > open.indent || /^[a-zа-яё(]/.test(text))) {
      open.text.append(` ${text}`);
      return;
    }
    this.closeItem();
    if (isAcceptanceLabel(text)) {
      this.flushParagraph();
      return this.sink.openAcceptance();
    }
    if (this.paragraph.length === 0 && this.looksLikeLabel(text, index)) {
      this.sink.acceptance = false;
      return this.section.label(plainText(text), -1);
    }
    this.paragraph.push({ ...line, text });
  }

  /** A short line that introduces a list ("Каталог", "Start page:") rather than stating anything. */
  private looksLikeLabel(text: string, index: number): boolean {
    if (text.length > 80 || startsUserStory(text)) return false;
    if (/[:：]$/.test(text)) return true;
    if (text.length > 60 || /[.!?;]$/.test(text)) return false;
    return this.nextNonBlank(index)?.kind === 'item';
  }

  /** Walks only the blanks after `index`: copying the rest of the document per line was O(n²). */
  private nextNonBlank(index: number): LineKind | undefined {
    for (let next = index + 1; next < this.kinds.length; next += 1)
      if (this.kinds[next]!.kind !== 'blank') return this.kinds[next];
    return undefined;
  }

  private flush(): void {
    this.closeItem();
    this.flushParagraph();
  }

  private closeItem(): void {
    const open = this.item;
    this.item = undefined;
    if (!open) return;
    const text = plainText(open.text.toString());
    // "- Buttons:" followed by sibling items labels them.
    if (/[:：]$/.test(text)) return this.section.label(text, open.indent - 0.5);
    this.sink.statement(text, open.line);
  }

  private flushParagraph(): void {
    const lines = this.paragraph;
    this.paragraph = [];
    if (lines.length === 0) return;
    const joined = lines.map((line) => line.text).join(' ');
    if (startsUserStory(joined)) return this.sink.statement(plainText(joined), lines[0]!.number);
    for (const sentence of sentencesOf(lines)) this.sink.statement(plainText(sentence.text), sentence.line);
  }
}
