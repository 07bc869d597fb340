// Gherkin keywords in English and Russian (the two languages our users write in). Step
// keywords are normalised to English in requirement text so the case designer reads one
// vocabulary whatever language the feature file used.

export type BlockKeyword = 'feature' | 'background' | 'rule' | 'scenario' | 'outline' | 'examples';
export type StepKeyword = 'Given' | 'When' | 'Then' | 'And' | 'But';

const BLOCKS: [BlockKeyword, string[]][] = [
  [
    'feature',
    ['Feature', 'Business Need', 'Ability', 'Функция', 'Функционал', 'Функциональность', 'Свойство'],
  ],
  ['background', ['Background', 'Предыстория', 'Контекст']],
  ['rule', ['Rule', 'Правило']],
  ['outline', ['Scenario Outline', 'Scenario Template', 'Структура сценария', 'Шаблон сценария']],
  ['scenario', ['Scenario', 'Example', 'Сценарий', 'Пример']],
  ['examples', ['Examples', 'Scenarios', 'Примеры', 'Сценарии']],
];

const STEPS: [StepKeyword, string[]][] = [
  ['Given', ['Given', 'Дано', 'Допустим', 'Пусть']],
  ['When', ['When', 'Когда', 'Если']],
  ['Then', ['Then', 'Тогда', 'То', 'Затем']],
  ['And', ['And', 'И', 'К тому же', 'Также']],
  ['But', ['But', 'Но', 'А']],
];

export function blockKeyword(text: string): { keyword: BlockKeyword; name: string } | undefined {
  for (const [keyword, words] of BLOCKS) {
    for (const word of words) {
      if (text.toLowerCase().startsWith(`${word.toLowerCase()}:`))
        return { keyword, name: text.slice(word.length + 1).trim() };
    }
  }
  return undefined;
}

export function stepKeyword(text: string): { keyword: StepKeyword; text: string } | undefined {
  if (text.startsWith('* ')) return { keyword: 'And', text: text.slice(2).trim() };
  for (const [keyword, words] of STEPS) {
    for (const word of words) {
      if (text.startsWith(`${word} `)) return { keyword, text: text.slice(word.length + 1).trim() };
    }
  }
  return undefined;
}

/** A feature file: its first meaningful line opens a Feature (tags and comments may precede it). */
export function looksLikeGherkin(lines: string[]): boolean {
  const first = lines.find((line) => line !== '' && !line.startsWith('#') && !line.startsWith('@'));
  return first !== undefined && blockKeyword(first)?.keyword === 'feature';
}
