const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Jira's default export format: `05/Oct/26 6:03 PM`. */
const JIRA_DATE = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2,4})(?:\s+(\d{1,2}):(\d{2})\s*([AP]M)?)?$/i;

/**
 * A tracker date as ISO 8601 (UTC), or the text as given when no known format fits, so a
 * reader can still show it. Jira JSON writes `2026-10-02T09:14:03.000+0300` (offset without
 * a colon, which `Date` does not read everywhere).
 */
export function normaliseDate(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  const jira = JIRA_DATE.exec(trimmed);
  if (jira) return jiraDate(jira) ?? trimmed;
  const iso = trimmed.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const parsed = /^\d{4}-\d{2}-\d{2}/.test(iso) ? new Date(iso) : undefined;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed.toISOString() : trimmed;
}

function jiraDate(match: RegExpExecArray): string | undefined {
  const [, day, monthName, yearText, hourText, minute, meridiem] = match;
  const month = MONTHS.indexOf(monthName!.toLowerCase());
  if (month < 0) return undefined;
  const year = yearText!.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  let hour = Number(hourText ?? 0);
  if (meridiem) hour = (hour % 12) + (meridiem.toUpperCase() === 'PM' ? 12 : 0);
  const date = new Date(Date.UTC(year, month, Number(day), hour, Number(minute ?? 0)));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
