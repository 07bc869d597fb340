import { describe, expect, it } from 'vitest';
import type { ResponseCache } from '../../src/core/response-cache.ts';

/** What every response cache must do, run against each implementation (memory, disk, database, Redis). */
export function describeResponseCacheContract(
  label: string,
  open: () => Promise<ResponseCache> | ResponseCache,
): void {
  describe(`response cache contract on ${label}`, () => {
    it('misses an unknown key, then returns what was set, and the newest value', async () => {
      const cache = await open();
      const key = `llm:v1:${Math.random().toString(16).slice(2)}`;
      expect(await cache.get(key)).toBeUndefined();
      await cache.set(key, '{"cases":[]}');
      expect(await cache.get(key)).toBe('{"cases":[]}');
      await cache.set(key, '{"cases":[1]}');
      expect(await cache.get(key)).toBe('{"cases":[1]}');
    });

    it('keeps text as it was given, Cyrillic and newlines included', async () => {
      const cache = await open();
      const value = '{"title":"Проверка НДС 20 %\\n"}';
      await cache.set('llm:v1:unicode', value);
      expect(await cache.get('llm:v1:unicode')).toBe(value);
    });
  });
}
