import { seededRandom, type Random } from './seeded-random.ts';

// Synthetic requirement documents of a chosen size, written the way teams write them: headings,
// bullets, numbered and lettered lists, user stories with acceptance criteria, "shall" sentences
// with limits, tables, abbreviations, tracker keys (some repeated), very long lines and whole
// blocks pasted twice. Deterministic for a seed, so sizes and runs compare.

export type RequirementStyle = 'markdown' | 'gherkin' | 'list' | 'long-lines';

const SUBJECTS = ['the estimate', 'the catalogue', 'a virtual machine', 'the disk', 'the report', 'the user'];
const THINGS = ['instances', 'disks', 'services', 'users', 'GB of RAM', 'vCPU', 'snapshots', 'tags'];
const VERBS = ['download', 'compare', 'share', 'filter', 'configure', 'delete', 'export', 'rename'];
const ROLES = ['customer', 'administrator', 'billing manager', 'guest', 'support engineer'];
const RU = [
  'Пользователь может удалить сервис из сметы.',
  'Итог «в месяц с НДС» отображается всегда.',
  'Кол-во инстансов до 99, т. е. при 100 должна быть ошибка.',
  'Цена пересчитывается сразу при смене региона.',
];

function shall(random: Random): string {
  const limit = random.int(2, 999);
  return random.pick([
    `The system shall allow at most ${limit} ${random.pick(THINGS)} per project.`,
    `The system shall let the user ${random.pick(VERBS)} ${random.pick(SUBJECTS)}.`,
    `${capital(random.pick(SUBJECTS))} must be shown within ${random.int(1, 9)} seconds, e.g. after a refresh.`,
    `From ${random.int(1, 5)} to ${limit} ${random.pick(THINGS)} can be created; max. ${limit} No. ${random.int(1, 9)} items.`,
    `Only an administrator can ${random.pick(VERBS)} ${random.pick(SUBJECTS)} (see incl. the audit log).`,
    `Price must be recalculated when the region changes; the total includes VAT.`,
  ]);
}

function story(random: Random): string {
  return `As a ${random.pick(ROLES)}, I want to ${random.pick(VERBS)} ${random.pick(SUBJECTS)} so that I can plan my budget.`;
}

function longLine(random: Random): string {
  const words: string[] = [];
  const length = random.int(2_000, 20_000);
  let size = 0;
  while (size < length) {
    const word = random.pick([
      ...VERBS,
      ...THINGS,
      'and',
      'the',
      'or',
      'e.g.',
      'A.',
      '(',
      ')',
      '*a*',
      '__b__',
    ]);
    words.push(word);
    size += word.length + 1;
  }
  return `${words.join(' ')}.`;
}

/**
 * 20–60 KB on one line, of what made the reader and case design super-linear: runs of
 * abbreviations ("no. 5"), prepositions with no "only" after them, "<" and "[" never closed.
 */
function pathologicalLine(random: Random): string {
  const parts: string[] = [];
  const length = random.int(20_000, 60_000);
  for (let size = 0; size < length; size += parts.at(-1)!.length + 1)
    parts.push(
      random.pick(['no. 5', 'e.g.', 'for users', 'with data', 'in place', 'a < b', '[x', 'max. 9', 'A.']),
    );
  return `The system shall keep ${parts.join(' ')} working.`;
}

function markdownBlock(random: Random, index: number): string[] {
  const key = random.next() < 0.3 ? `CALC-${random.int(1, 400)}: ` : '';
  switch (random.int(0, 9)) {
    case 0:
      return [`${'#'.repeat(random.int(1, 3))} Section ${index}`, ''];
    case 1:
      return [...Array.from({ length: random.int(2, 8) }, () => `- ${key}${shall(random)}`), ''];
    case 2:
      return [...Array.from({ length: random.int(2, 6) }, (_, n) => `${n + 1}. ${shall(random)}`), ''];
    case 3:
      return [
        `Configuration ${index}:`,
        ...Array.from({ length: random.int(2, 5) }, (_, n) => `${'abcdef'[n]}) ${shall(random)}`),
        '',
      ];
    case 4:
      return [story(random), '', 'Acceptance criteria:', `- ${shall(random)}`, `- ${shall(random)}`, ''];
    case 5:
      return [`${shall(random)} ${shall(random)} ${shall(random)}`, shall(random), ''];
    case 6:
      return ['| Key | Requirement |', '|---|---|', `| CALC-${random.int(1, 400)} | ${shall(random)} |`, ''];
    case 7:
      return [random.pick(RU), random.pick(RU), ''];
    case 8:
      return random.next() < 0.1 ? [longLine(random), ''] : [`${key}${shall(random)}`, ''];
    default:
      return [`* ${key}${story(random)}`, `  ${shall(random)}`, ''];
  }
}

function gherkinBlock(random: Random, index: number): string[] {
  const limit = random.int(2, 99);
  const tag = random.next() < 0.3 ? [`  @CALC-${random.int(1, 400)}`] : [];
  if (random.next() < 0.3)
    return [
      ...tag,
      `  Scenario Outline: Instances ${index} are limited`,
      '    Given the configuration page is open',
      '    When the user sets the number of instances to <count>',
      '    Then the value is <verdict>',
      '    Examples:',
      '      | count | verdict |',
      `      | ${limit} | accepted |`,
      `      | ${limit + 1} | rejected |`,
      '',
    ];
  return [
    ...tag,
    `  Scenario: ${capital(random.pick(VERBS))} ${random.pick(SUBJECTS)} ${index}`,
    '    Given I am signed in as a customer',
    `    And ${random.pick(SUBJECTS)} exists`,
    `    When I ${random.pick(VERBS)} ${random.pick(SUBJECTS)}`,
    `    Then ${random.pick(SUBJECTS)} is updated`,
    '    But nothing else changes',
    '',
  ];
}

/** A document of about `bytes` UTF-8 bytes (it stops after the block that reaches the size). */
export function requirementsDocument(bytes: number, style: RequirementStyle, seed = 1): string {
  const random = seededRandom(seed);
  const lines: string[] =
    style === 'gherkin' ? ['Feature: Price calculator', ''] : ['# Price calculator', ''];
  const blocks: string[][] = [];
  let size = 0;
  for (let index = 1; size < bytes; index += 1) {
    // Every tenth block is pasted again: duplicates are what real documents are full of.
    const block =
      blocks.length > 0 && index % 10 === 0
        ? random.pick(blocks)
        : style === 'gherkin'
          ? gherkinBlock(random, index)
          : style === 'list'
            ? [shall(random).trim(), '']
            : style === 'long-lines'
              ? [pathologicalLine(random), '']
              : markdownBlock(random, index);
    blocks.push(block);
    lines.push(...block);
    size += Buffer.byteLength(block.join('\n')) + 1;
  }
  return `${lines.join('\n')}\n`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
