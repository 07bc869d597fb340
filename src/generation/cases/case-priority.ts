import type { CasePriority } from '../../core/manual-case.ts';

// Priority from what a case touches: money, security and losing data are CRITICAL whatever
// the source says; cosmetic details (tooltips, colours, wording) are LOW; the rest NORMAL.

const CRITICAL = [
  /\b(price|prices|pricing|cost|costs|payment|pay|billing|invoice|total|vat|tariff|charge)/i,
  /\b(security|secure|auth\w*|token|password|credential|permission|forbidden|access)/i,
  /\b(data loss|lose data|delete|deletes|deleted|remove|removes|removed|destroy)/i,
  /(цен[аыуе]|стоимост|оплат|платеж|платёж|итог|ндс|тариф|счёт|счет)/i,
  /(безопасн|авториз|аутентиф|токен|парол|доступ запрещ|прав доступа)/i,
  /(удал|потер[яи] данных|уничтож)/i,
];

const LOW = [
  /\b(tooltip|hint|icon|colou?r|font|typo|wording|spacing|alignment|animation|hover)/i,
  /(подсказк|иконк|цвет|шрифт|опечатк|выравнива|анимац)/i,
];

export function priorityOf(...texts: (string | undefined)[]): CasePriority {
  const text = texts.filter(Boolean).join(' ');
  if (CRITICAL.some((pattern) => pattern.test(text))) return 'CRITICAL';
  if (LOW.some((pattern) => pattern.test(text))) return 'LOW';
  return 'NORMAL';
}
