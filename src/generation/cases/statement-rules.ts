import type { ManualCaseKind } from '../../core/manual-case.ts';
import { trailingOnly } from './trailing-only.ts';

// Words that decide what kind of check a statement asks for, in English and Russian. Order
// matters: a mobile statement about a visible menu is a mobile case first.

const KINDS: [ManualCaseKind, RegExp][] = [
  [
    'mobile',
    /\b(mobile|smartphone|phones?|tablets?|narrow\w*|viewport)\b|мобильн|смартфон|телефон|планшет|узк[ио]/iu,
  ],
  ['validation', /\b(validat\w*|error message|invalid)\b|валидац|ошибк|некорректн/iu],
  [
    'navigation',
    /\b(navigat\w*|opens|open the|leads to|goes to|redirect\w*|link)\b|переход|вед[её]т|открывает|откроется|открывается|ссылк|навигац/iu,
  ],
  [
    'visibility',
    /\b(shows?|shown|display\w*|visible|appears?|marked|badge|listed)\b|отображ|показ|видн|виден|помечен|бейдж/iu,
  ],
];

export function statementKind(text: string): ManualCaseKind {
  return KINDS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'positive';
}

/** "must not", "cannot", "никогда", "нельзя": the statement forbids something. */
export function forbids(text: string): boolean {
  return (
    /\b(must not|mustn't|should not|shouldn't|shall not|cannot|can not|can't|may not|never|is not allowed|are not allowed)\b/i.test(
      text,
    ) ||
    /^no\s/i.test(text) ||
    /(не должн\p{L}*|нельзя|не может|не могут|не допуска\p{L}*|запрещ\p{L}*|никогда)/iu.test(text) ||
    /^нет\s/i.test(text)
  );
}

export type OnlyRule = { kind: 'once'; phrase: string } | { kind: 'scope'; scope: string; phrase: string };

const ONCE =
  /\bonly once\b|\bno more than once\b|только один раз|лишь один раз|единожды|не более одного раза/iu;
const ONLY_FIRST = /\bonly\s+((?:in|on|for|within|with|by|from|when|if|after)\s+[^.;,!]+)/iu;
const RUSSIAN_ONLY = /только\s+((?:в|во|на|для|при|внутри|из|с|у)\s+[^.;,!]+)/iu;

/** "only once", "only in the Moscow region", "within the selected category only", "только в …". */
export function onlyRule(text: string): OnlyRule | undefined {
  const once = ONCE.exec(text);
  if (once) return { kind: 'once', phrase: once[0] };
  const match = ONLY_FIRST.exec(text) ?? trailingOnly(text) ?? RUSSIAN_ONLY.exec(text);
  return match ? { kind: 'scope', scope: match[1]!.trim(), phrase: match[0] } : undefined;
}

/** A note, an open question or text about the document: not something to test. */
export function untestableReason(text: string): string | undefined {
  if (/^(todo|tbd|fixme|note|n\.b\.|примечание|вопрос|уточнить)\b/iu.test(text))
    return 'a note or open question, not a requirement';
  if (/\?$/.test(text)) return 'a question, not a requirement';
  if (
    /^(this|the) (document|section|page|file) (describes|lists|contains|covers)|^(в этом|этот|данный) (документ|раздел)/iu.test(
      text,
    )
  )
    return 'describes the document, not the product';
  if (text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length < 2)
    return 'too short to test (fewer than two words)';
  return undefined;
}

/** A verb or modal is there: otherwise the statement is a feature name ("поиск по названию"). */
export function hasPredicate(text: string): boolean {
  return (
    /\b(is|are|was|be|can|cannot|must|should|shall|will|may|has|have|does|opens?|shows?|lets|allows?|restores?|filters?|groups?|costs?|explains?|leads?)\b/i.test(
      text,
    ) ||
    /(\p{L}(?:ется|ются|ится|ятся|ет|ют|ит|ят|ёт)(?!\p{L})|должен|должна|должно|должны|может|можно|нельзя|есть)/iu.test(
      text,
    ) ||
    // Short participles and predicatives: "показаны", "помечены", "доступен", "видно", "скрыта".
    /(?<!\p{L})(показан|помечен|скрыт|доступ[ена]|видн|виден|расположен|выделен|заблокирован|отключ[её]н|включ[её]н)\p{L}*/iu.test(
      text,
    )
  );
}

/** Statements about phones and narrow screens are checked in a phone-sized viewport. */
export function isMobile(text: string): boolean {
  return KINDS[0]![1].test(text);
}
