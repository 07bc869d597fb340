import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** How many migrations the store ships: each must be applied exactly once, whoever opens first. */
export const MIGRATION_COUNT = (
  JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, '../../../src/service/store/migrations/meta/_journal.json'),
      'utf8',
    ),
  ) as { entries: unknown[] }
).entries.length;
