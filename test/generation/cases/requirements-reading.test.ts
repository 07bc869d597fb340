import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRequirements, readRequirements } from '../../../src/sources/requirements/read-requirements.ts';
import { REQUIREMENTS } from './case-targets.ts';

describe('reading requirements', () => {
  it('keeps written keys, sections, file:line, a user story and its acceptance criteria (Markdown, English)', async () => {
    const document = await readRequirements(REQUIREMENTS.en);
    expect(document.title).toBe('Cloud price calculator — requirements');
    const byId = new Map(document.requirements.map((requirement) => [requirement.id, requirement]));
    expect(byId.get('CALC-1')).toMatchObject({
      section: 'Start page',
      source: { line: 8 },
      form: 'statement',
    });
    expect(byId.get('CALC-23')).toMatchObject({
      text: 'The number of instances is limited to a maximum of 99 instances.',
      section: 'Product configuration › Virtual machine › configure a virtual machine',
      source: { file: REQUIREMENTS.en, line: 32 },
      form: 'acceptance-criterion',
    });
    expect(document.requirements.filter((requirement) => requirement.form === 'user-story')).toHaveLength(1);
    expect(
      document.requirements.filter((requirement) => requirement.form === 'acceptance-criterion'),
    ).toHaveLength(8);
  });

  it('reads the Russian version with "1)" numbering and «Критерии приёмки:»', async () => {
    const document = await readRequirements(REQUIREMENTS.ru);
    const criterion = document.requirements.find((requirement) => requirement.id === 'CALC-23')!;
    expect(criterion).toMatchObject({
      text: 'Количество экземпляров — не более 99.',
      form: 'acceptance-criterion',
    });
    expect(criterion.section).toBe('Конфигурация продукта › настроить виртуальную машину');
    expect(document.requirements.map((requirement) => requirement.id)).toContain('CALC-42');
  });

  it('survives messy peer notes: CRLF, mixed bullets, "1)" and "a)", label lines, child items, a title line', async () => {
    const document = await readRequirements(REQUIREMENTS.peer);
    expect(document.title).toBe('Калькулятор цен - требования (черновик)');
    const texts = document.requirements.map((requirement) => requirement.text);
    expect(texts.every((text) => !/[\r\t]|\s$/.test(text))).toBe(true);
    expect(texts).toContain('кнопка "Добавить сервис" ведёт в каталог');
    expect(texts).toContain('кол-во инстансов до 99; при 100 должна быть ошибка валидации');
    expect(texts).toContain('GPU only in Moscow region');
    const sections = new Set(document.requirements.map((requirement) => requirement.section));
    expect([...sections]).toEqual([
      'Стартовая страница',
      'Каталог',
      'Конфигурация — ВМ',
      'Управление',
      'Mobile',
    ]);
    expect(
      document.requirements.find((requirement) => requirement.text.startsWith('цена'))!.source.line,
    ).toBe(20);
  });

  it('expands Gherkin outlines row by row, with the Background and keys from tags', async () => {
    const document = await readRequirements(REQUIREMENTS.gherkin);
    expect(document.title).toBe('Product configuration');
    const rows = document.requirements.filter((requirement) => requirement.id.startsWith('CALC-23'));
    expect(rows.map((row) => row.id)).toEqual(['CALC-23', 'CALC-23.2', 'CALC-23.3', 'CALC-23.4']);
    expect(rows[2]!.text.split('\n')).toEqual([
      'Number of instances is validated (count = 100)',
      'Given the configuration page of "Virtual Machine" is open with the default configuration',
      'When I enter 100 in "Number of instances"',
      'Then the value is rejected with "Enter a whole number from 1 to 99"',
    ]);
    expect(rows[2]!.source.line).toBe(23);
  });

  it('reads Russian Gherkin keywords', () => {
    const text =
      'Функция: Смета\n\n  Сценарий: Удаление сервиса\n    Дано в смете есть сервис\n    Когда я нажимаю «Удалить»\n    Тогда смета пуста\n';
    const [scenario] = parseRequirements(text, 'estimate.feature').requirements;
    expect(scenario!.text).toBe(
      'Удаление сервиса\nGiven в смете есть сервис\nWhen я нажимаю «Удалить»\nThen смета пуста',
    );
    expect(scenario!.section).toBe('Смета');
  });

  it('splits paragraphs into sentences, reads tables and setext headings, skips code', () => {
    const text = [
      'Estimate',
      '========',
      '',
      'The total includes VAT, e.g. 20% in Russia. A share link restores the estimate.',
      '',
      '```',
      'not: a requirement',
      '```',
      '',
      '| ID | Requirement |',
      '|----|-------------|',
      '| CALC-50 | Removing the last service shows "Your estimate is empty." |',
    ].join('\n');
    const requirements = parseRequirements(text, 'notes.md').requirements;
    expect(
      requirements.map((requirement) => [requirement.id, requirement.text, requirement.source.line]),
    ).toEqual([
      ['REQ-1', 'The total includes VAT, e.g. 20% in Russia.', 4],
      ['REQ-2', 'A share link restores the estimate.', 4],
      ['CALC-50', 'Removing the last service shows "Your estimate is empty."', 12],
    ]);
  });

  it('reads Windows-1251 files and whole folders', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'requirements-'));
    const cp1251 = Buffer.from([
      0xca, 0xe0, 0xf2, 0xe0, 0xeb, 0xee, 0xe3, 0x3a, 0x0d, 0x0a, 0x2d, 0x20, 0xef, 0xee, 0xe8, 0xf1, 0xea,
      0x20, 0xef, 0xee, 0x20, 0xe8, 0xec, 0xe5, 0xed, 0xe8,
    ]);
    await writeFile(join(folder, 'a.txt'), cp1251);
    await writeFile(join(folder, 'b.md'), '- REQ-7: Prices are shown in roubles.\n');
    const document = await readRequirements(folder);
    expect(
      document.requirements.map((requirement) => [requirement.id, requirement.text, requirement.section]),
    ).toEqual([
      ['REQ-1', 'поиск по имени', 'Каталог'],
      ['REQ-7', 'Prices are shown in roubles.', ''],
    ]);
  });

  it('explains a missing file', async () => {
    await expect(readRequirements('nowhere/requirements.md')).rejects.toMatchObject({
      code: 'TESTOPS_SOURCE_NOT_FOUND',
    });
  });
});
