import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { DiskCache } from '../../src/llm/disk-cache.ts';
import { MemoryCache } from '../../src/llm/memory-cache.ts';
import { describeResponseCacheContract } from '../support/response-cache-contract.ts';

const dir = await mkdtemp(join(tmpdir(), 'llm-cache-'));
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describeResponseCacheContract('memory', () => new MemoryCache());
describeResponseCacheContract('disk', () => new DiskCache(dir));
