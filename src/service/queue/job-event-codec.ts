import type { StoredJobEvent } from '../jobs/job.ts';

/**
 * Job events as JSON on Redis. Dates are tagged rather than guessed back from ISO-looking
 * strings, so a test title that happens to read like a date stays a string.
 */
export function encodeJobEvent(event: StoredJobEvent): string {
  return JSON.stringify(event, function tagDates(this: Record<string, unknown>, key, value: unknown) {
    // `value` is already the ISO string from Date#toJSON; the holder still has the Date.
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : value;
  });
}

export function decodeJobEvent(text: string): StoredJobEvent {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value === null || typeof value !== 'object') return value;
    const tagged = (value as Record<string, unknown>)[DATE_TAG];
    return typeof tagged === 'string' && Object.keys(value).length === 1 ? new Date(tagged) : value;
  }) as StoredJobEvent;
}

const DATE_TAG = '$date';
