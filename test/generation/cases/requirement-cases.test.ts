import { describe, expect, it } from 'vitest';
import type { ManualCaseSet } from '../../../src/core/manual-case.ts';
import { REQUIREMENTS, expectWellFormed, requirementCases } from './case-targets.ts';

const titles = (set: ManualCaseSet) => set.cases.map((manualCase) => manualCase.title);
const byTitle = (set: ManualCaseSet, title: string) =>
  set.cases.find((manualCase) => manualCase.title === title)!;

describe('cases from the price calculator requirements', () => {
  it.each(Object.entries(REQUIREMENTS))('%s: well-formed, deterministic cases', async (_name, file) => {
    const set = await requirementCases(file);
    expectWellFormed(set);
    expect(await requirementCases(file)).toEqual(set);
  });

  it('English: 25–50 cases covering every block, with 99 accepted / 100 rejected / 1 minimum', async () => {
    const set = await requirementCases(REQUIREMENTS.en);
    expect(set.cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(set.cases.map((manualCase) => manualCase.feature))).toEqual(
      new Set([
        'Cloud price calculator — requirements',
        'Start page',
        'Product catalogue',
        'Product configuration',
        'Configuration management',
        'Mobile',
      ]),
    );
    expect(titles(set)).toEqual(
      expect.arrayContaining([
        'Number of instances: 99 is accepted (maximum)',
        'Number of instances: 100 is rejected (above the maximum 99)',
        'Number of instances: 1 is accepted (minimum)',
        'vCPU: 65 is rejected (above the maximum 64)',
        'Disk size: 9 GB is rejected (below the minimum 10)',
        'Number of services: 4 is rejected (above the maximum 3)',
      ]),
    );
    const rejected = byTitle(set, 'Number of instances: 100 is rejected (above the maximum 99)');
    expect(rejected).toMatchObject({
      kind: 'boundary',
      story: 'configure a virtual machine',
      preconditions: ['Signed in as customer'],
    });
    expect(rejected.steps.find((step) => step.phase === 'act')).toMatchObject({
      action: 'Set number of instances to 100',
      expected: '100 is rejected: a validation message is shown and the value is not applied',
    });
    expect(rejected.steps.at(-1)!.expected).toBe(
      'The number of instances is limited to a maximum of 99 instances',
    );
  });

  it('English: actions read from the wording, negative cases for "only" and "must not", priorities from words', async () => {
    const set = await requirementCases(REQUIREMENTS.en);
    const connect = byTitle(set, 'The "Connect" button opens the contact form');
    expect(connect.steps.find((step) => step.phase === 'act')).toMatchObject({
      action: 'Click the "Connect" button',
      expected: 'The contact form opens',
    });
    const recalculated = byTitle(
      set,
      'When any field changes, the monthly price is recalculated immediately',
    );
    expect(recalculated.priority).toBe('CRITICAL');
    expect(recalculated.steps.find((step) => step.phase === 'act')!.action).toBe('Change any field');
    expect(byTitle(set, 'Each field has a tooltip that explains it').priority).toBe('LOW');
    expect(byTitle(set, 'GPU is available only in the Moscow region — refused elsewhere').kind).toBe(
      'negative',
    );
    const once = byTitle(
      set,
      'A Free Tier product can be added to the estimate only once — a second attempt is refused',
    );
    expect(once.steps.map((step) => step.action)).toContain(
      'Add a Free Tier product to the estimate a second time',
    );
    expect(byTitle(set, 'On mobile the page must not scroll horizontally')).toMatchObject({
      kind: 'negative',
    });
    expect(byTitle(set, 'On mobile the page must not scroll horizontally').steps[1]!.action).toContain(
      '390×844',
    );
  });

  it('English: unused inputs say why; the covered story is not repeated', async () => {
    const set = await requirementCases(REQUIREMENTS.en);
    expect(set.unused).toEqual([
      { ref: `REQ-1 (${REQUIREMENTS.en}:3)`, reason: 'describes the document, not the product' },
      { ref: `REQ-3 (${REQUIREMENTS.en}:25)`, reason: 'covered by its 8 acceptance criteria' },
    ]);
    const traced = new Set(
      set.cases.flatMap((manualCase) =>
        manualCase.trace.map((trace) => (trace.kind === 'requirement' ? trace.id : '')),
      ),
    );
    const testable = set.requirements.filter(
      (requirement) => !set.unused.some((entry) => entry.ref.startsWith(`${requirement.id} `)),
    );
    expect(testable.every((requirement) => traced.has(requirement.id))).toBe(true);
  });

  it('links requirement keys to Jira when a base is given, else to the source line by a relative path', async () => {
    const linked = await requirementCases(REQUIREMENTS.en, {
      owner: 'anna',
      jiraBase: 'https://jira.example.com/',
    });
    const boundary = byTitle(linked, 'Number of instances: 99 is accepted (maximum)');
    expect(boundary.links).toEqual([{ url: 'https://jira.example.com/browse/CALC-23', name: 'CALC-23' }]);
    expect(boundary.owner).toBe('anna');
    const plain = byTitle(
      await requirementCases(REQUIREMENTS.en),
      'Number of instances: 99 is accepted (maximum)',
    );
    expect(plain.links).toEqual([
      {
        // Relative to the source as given: no path of this machine goes into the cases.
        url: 'price-calculator.md#L32',
        name: 'CALC-23 (price-calculator.md:32)',
      },
    ]);
    const published = await requirementCases(REQUIREMENTS.en, {
      owner: 'qa',
      sourceUrl: 'https://gitlab.example.com/qa/-/blob/main/reqs.md',
    });
    expect(byTitle(published, 'Number of instances: 99 is accepted (maximum)').links[0]!.url).toBe(
      'https://gitlab.example.com/qa/-/blob/main/reqs.md#L32',
    );
  });

  it('Russian: Russian steps and the same boundaries ("не более 99", "от 1 до 64")', async () => {
    const set = await requirementCases(REQUIREMENTS.ru);
    expect(set.cases.length).toBeGreaterThanOrEqual(25);
    expect(titles(set)).toEqual(
      expect.arrayContaining([
        'Количество экземпляров: 99 принимается (максимум)',
        'Количество экземпляров: 100 отклоняется (больше максимума 99)',
        'Количество экземпляров: 1 принимается (минимум)',
        'Количество vCPU: 0 отклоняется (меньше минимума 1)',
        'Количество сервисов: 4 отклоняется (больше максимума 3)',
      ]),
    );
    const remove = byTitle(set, 'Пользователь может удалить сервис из сметы, итог при этом пересчитывается');
    expect(remove.priority).toBe('CRITICAL');
    expect(remove.steps.map((step) => step.action)).toEqual([
      'Начать новую сессию браузера без сохранённых данных',
      'Открыть «Управление конфигурацией»',
      'Удалить сервис из сметы',
      'Сверить с требованием CALC-31',
    ]);
  });

  it('peer notes: every block gets cases, "до 99" becomes 99/100/1, the TODO line is unused', async () => {
    const set = await requirementCases(REQUIREMENTS.peer);
    expect(set.cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(set.cases.map((manualCase) => manualCase.feature)).size).toBe(5);
    expect(titles(set)).toEqual(
      expect.arrayContaining([
        'Кол-во инстансов: 99 принимается (максимум)',
        'Кол-во инстансов: 100 отклоняется (больше максимума 99)',
        'Кол-во инстансов: 1 принимается (минимум)',
      ]),
    );
    expect(set.unused).toEqual([
      { ref: `REQ-19 (${REQUIREMENTS.peer}:32)`, reason: 'a note or open question, not a requirement' },
    ]);
  });

  it('Gherkin: Given → Arrange, When → Act expecting the Then, Then → Assert; outline rows are boundary cases', async () => {
    const set = await requirementCases(REQUIREMENTS.gherkin);
    expect(set.cases).toHaveLength(7);
    const rejected = byTitle(set, 'Number of instances is validated (count = 100)');
    expect(rejected).toMatchObject({
      kind: 'boundary',
      story: 'Number of instances is validated',
      feature: 'Product configuration',
    });
    expect(rejected.steps).toEqual([
      {
        phase: 'arrange',
        action: 'The configuration page of "Virtual Machine" is open with the default configuration',
        expected: undefined,
      },
      {
        phase: 'act',
        action: 'I enter 100 in "Number of instances"',
        expected: 'The value is rejected with "Enter a whole number from 1 to 99"',
      },
      {
        phase: 'assert',
        action: 'Check',
        expected: 'The value is rejected with "Enter a whole number from 1 to 99"',
      },
    ]);
  });
});
