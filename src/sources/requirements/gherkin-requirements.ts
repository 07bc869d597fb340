import type { Requirement } from '../../core/manual-case.ts';
import { blockKeyword, stepKeyword, type BlockKeyword } from './gherkin-keywords.ts';
import { RequirementIds, keyOfTag, keysIn, splitKey } from './requirement-keys.ts';
import { SECTION_SEPARATOR } from './section-path.ts';
import type { SourceLine } from './source-lines.ts';

// One requirement per scenario, and one per Examples row of a Scenario Outline (placeholders
// filled in), so every row becomes a concrete case. The text is the scenario name on the first
// line, then its steps (Background first) one per line with English keywords.

interface Scenario {
  name: string;
  line: number;
  key: string | undefined;
  steps: string[];
  examples: { header: string[]; rows: { cells: string[]; line: number }[] }[];
  outline: boolean;
}

const MODE_AFTER = {
  feature: 'description',
  rule: 'description',
  background: 'background',
  scenario: 'scenario',
  outline: 'scenario',
  examples: 'examples',
} as const;

export function readGherkinRequirements(
  lines: SourceLine[],
  file: string,
): { title: string | undefined; requirements: Requirement[] } {
  const reader = new GherkinReader(file, new RequirementIds(lines.flatMap((line) => keysIn(line.text))));
  for (const line of lines) reader.visit(line);
  reader.finishScenario();
  return { title: reader.feature, requirements: reader.out };
}

class GherkinReader {
  feature: string | undefined;
  readonly out: Requirement[] = [];
  private rule: string | undefined;
  private background: string[] = [];
  private scenario: Scenario | undefined;
  private tags: string[] = [];
  private inDocString = false;
  private mode: (typeof MODE_AFTER)[BlockKeyword] = 'description';

  constructor(
    private readonly file: string,
    private readonly ids: RequirementIds,
  ) {}

  visit(line: SourceLine): void {
    const text = line.text;
    if (/^("""|```)/.test(text)) this.inDocString = !this.inDocString;
    else if (this.inDocString) this.appendToStep(`«${text}»`);
    else if (text === '' || text.startsWith('#')) return;
    else if (text.startsWith('@')) for (const tag of text.split(/\s+/)) this.tags.push(tag);
    else if (text.startsWith('|')) this.tableRow(text, line.number);
    else this.keywordLine(text, line.number);
  }

  private keywordLine(text: string, line: number): void {
    const block = blockKeyword(text);
    if (block) return this.block(block.keyword, block.name, line);
    const step = stepKeyword(text);
    if (!step || this.mode === 'description') return;
    const written = `${step.keyword} ${step.text}`;
    if (this.mode === 'background') this.background.push(written);
    else this.scenario?.steps.push(written);
  }

  private block(keyword: BlockKeyword, name: string, line: number): void {
    if (keyword === 'examples') {
      this.mode = 'examples';
      this.scenario?.examples.push({ header: [], rows: [] });
      return;
    }
    this.finishScenario();
    if (keyword === 'feature') this.feature = name;
    if (keyword === 'rule') this.rule = name;
    if (keyword === 'background') this.background = [];
    this.mode = MODE_AFTER[keyword];
    if (keyword === 'scenario' || keyword === 'outline')
      this.startScenario(name, line, keyword === 'outline');
    else this.tags = [];
  }

  private startScenario(written: string, line: number, outline: boolean): void {
    const { key, text } = splitKey(written);
    const tagKey = this.tags.map(keyOfTag).find((candidate) => candidate !== undefined);
    this.scenario = { name: text, line, key: key ?? tagKey, steps: [], examples: [], outline };
    this.tags = [];
  }

  private tableRow(text: string, line: number): void {
    const cells = text
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
    const examples = this.mode === 'examples' ? this.scenario?.examples.at(-1) : undefined;
    if (!examples) return this.appendToStep(`(${cells.join(' | ')})`);
    if (examples.header.length === 0) examples.header = cells;
    else examples.rows.push({ cells, line });
  }

  private appendToStep(text: string): void {
    const steps = this.mode === 'background' ? this.background : this.scenario?.steps;
    if (steps && steps.length > 0) steps[steps.length - 1] = `${steps.at(-1)} ${text}`;
  }

  finishScenario(): void {
    const scenario = this.scenario;
    this.scenario = undefined;
    if (!scenario) return;
    const rows = scenario.examples.flatMap((block) =>
      block.rows.map((row) => ({ header: block.header, ...row })),
    );
    if (!scenario.outline || rows.length === 0)
      return this.push(scenario, scenario.name, scenario.steps, scenario.line);
    for (const row of rows) {
      const fill = (text: string) =>
        text.replace(/<([^>]+)>/g, (whole, name: string) => row.cells[row.header.indexOf(name)] ?? whole);
      const values = exampleLabel(row.header, row.cells);
      const name =
        fill(scenario.name) === scenario.name ? `${scenario.name} (${values})` : fill(scenario.name);
      this.push(scenario, name, scenario.steps.map(fill), row.line);
    }
  }

  private push(scenario: Scenario, name: string, steps: string[], line: number): void {
    this.out.push({
      id: this.ids.take(scenario.key),
      text: [name, ...this.background, ...steps].join('\n'),
      section: [this.feature, this.rule].filter(Boolean).join(SECTION_SEPARATOR),
      source: { file: this.file, line },
      form: 'gherkin',
    });
  }
}

/** "count = 100": the leading columns that fit in 40 characters (at least one) name a row. */
function exampleLabel(header: string[], cells: string[]): string {
  const parts = header.map((name, index) => `${name} = ${cells[index] ?? ''}`);
  const shown = [parts[0]!];
  for (const part of parts.slice(1)) {
    if ([...shown, part].join(', ').length > 40) break;
    shown.push(part);
  }
  return shown.join(', ');
}
