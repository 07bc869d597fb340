import { baseOfParticiple, baseOfThirdPerson, isBaseVerb } from './english-verbs.ts';
import { lowerFirst } from './manual-steps.ts';
import type { Language, RequirementPhrases } from './requirement-phrases.ts';
import { hasPredicate } from './statement-rules.ts';

// The action a statement asks the tester to perform and the outcome to expect, read from its
// wording: "When X, Y", "Y when X", "the user can X", "X can be downloaded", "the "Connect"
// button opens Y" (and the Russian forms). Undefined when the statement names no action: the
// case then opens the section and checks the statement as written.

export interface StatementAction {
  action: string;
  outcome: string | undefined;
}

type Reader = (text: string, phrases: RequirementPhrases) => StatementAction | undefined;

const QUOTED = String.raw`(["“«][^"”»]+["”»])`;

const english: Reader[] = [
  (text, phrases) => {
    const match = new RegExp(
      String.raw`${QUOTED}\s+(button|link|tab)\b.*?\b(opens|leads to|goes to|navigates to)\s+(.+)$`,
      'i',
    ).exec(text);
    return match
      ? { action: phrases.click(`the ${match[1]} ${match[2]}`), outcome: phrases.opens(match[4]!) }
      : undefined;
  },
  (text, phrases) => {
    const match = /^(?:when|if|after|once|whenever|as soon as)\s+(.+?),\s*(.+)$/i.exec(text);
    return match ? { action: imperative(match[1]!, phrases), outcome: match[2] } : undefined;
  },
  (text) => {
    const match =
      /^(?:the\s+|a\s+)?(?:user|customer|client|visitor|buyer|admin\w*|I)\s+(?:can|may|is able to|am able to)\s+(.+?)(?:;\s*(.+))?$/i.exec(
        text,
      );
    return match ? { action: match[1]!, outcome: match[2] } : undefined;
  },
  (text) => {
    const match = /^(.+?)\s+can be\s+(\w+)\s*(.*?)(?:;\s*(.+))?$/i.exec(text);
    const base = match ? baseOfParticiple(match[2]!) : undefined;
    return match && base
      ? { action: `${base} ${lowerFirst(match[1]!)} ${match[3]}`, outcome: match[4] }
      : undefined;
  },
  (text, phrases) => {
    const match = /^(.+?)\s+(?:when|whenever|after|as soon as)\s+(.+)$/i.exec(text);
    return match ? { action: imperative(match[2]!, phrases), outcome: match[1] } : undefined;
  },
  (text) =>
    isBaseVerb(text.split(/\s+/)[0] ?? '') && !hasPredicate(text)
      ? { action: text, outcome: undefined }
      : undefined,
];

const russian: Reader[] = [
  (text) => {
    const match = new RegExp(
      String.raw`(кнопк\p{L}*|ссылк\p{L}*)\s+${QUOTED}[^.]*?(открывает|вед[её]т (?:в|на)|переходит (?:в|на))\s+(.+)$`,
      'iu',
    ).exec(text);
    if (!match) return undefined;
    const control = /^ссылк/i.test(match[1]!) ? `по ссылке ${match[2]}` : `кнопку ${match[2]}`;
    return { action: `Нажать ${control}`, outcome: `открывается: ${match[4]}` };
  },
  (text, phrases) => {
    const match = /^(при|когда|если|после)\s+(.+?),\s*(.+)$/iu.exec(text);
    return match
      ? { action: phrases.trigger(`${match[1]!.toLowerCase()} ${match[2]}`), outcome: match[3] }
      : undefined;
  },
  (text) => {
    const match =
      /^(?:пользователь|клиент|покупатель|посетитель|администратор|я)?\s*(?:может|можно|могу|должен иметь возможность)\s+(.+?)(?:[,;]\s*(.+))?$/iu.exec(
        text,
      );
    return match ? { action: match[1]!, outcome: match[2] } : undefined;
  },
  (text) => {
    const match = /^(.+?)\s+можно\s+(\p{L}+(?:ть|ти)(?:ся)?)(?!\p{L})\s*(.*)$/iu.exec(text);
    return match
      ? { action: `${match[2]} ${lowerFirst(match[1]!)} ${match[3]}`, outcome: undefined }
      : undefined;
  },
  (text, phrases) => {
    const match = /^(.+?)\s+(при|когда|если|после)\s+(?!этом)(.+)$/iu.exec(text);
    return match ? { action: phrases.trigger(`${match[2]} ${match[3]}`), outcome: match[1] } : undefined;
  },
  (text) => (/^\p{L}+(?:ть|ти)(?:ся)?\s/iu.test(text) ? { action: text, outcome: undefined } : undefined),
];

export function statementAction(
  text: string,
  language: Language,
  phrases: RequirementPhrases,
): StatementAction | undefined {
  const clean = text.replace(/[.!]+$/, '').trim();
  for (const read of language === 'ru' ? russian : english) {
    const found = read(clean, phrases);
    if (found) return { action: found.action.replace(/\s+/g, ' ').trim(), outcome: found.outcome?.trim() };
  }
  return undefined;
}

/** "the user picks a product" → "pick a product"; "any field changes" → "change any field". */
function imperative(clause: string, phrases: RequirementPhrases): string {
  const words = clause.replace(/^(?:the\s+|a\s+)?(?:user|customer|client|visitor|I)\s+/i, '').split(/\s+/);
  const leading = baseOfThirdPerson(words[0] ?? '');
  if (leading) return [leading, ...words.slice(1)].join(' ');
  const trailing = baseOfThirdPerson(words.at(-1) ?? '');
  if (trailing && words.length > 1) return [trailing, ...words.slice(0, -1)].join(' ');
  return phrases.trigger(clause);
}
