import { loadServiceConfig } from '../service/config.ts';
import type { Stores } from '../service/store/stores.ts';

/**
 * Opens the same database as `testops serve` (PGlite in TESTOPS_DATA_DIR, or DATABASE_URL),
 * runs `work` and closes it: CLI commands that read or write the service's state use this.
 */
export async function withStores<T>(work: (stores: Stores) => Promise<T>): Promise<T> {
  const config = loadServiceConfig();
  const { openStores } = await import('../service/store/open-stores.ts');
  const stores = await openStores({
    dataDir: config.dataDir,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    ...(config.secretKey ? { secretKey: config.secretKey } : {}),
  });
  try {
    return await work(stores);
  } finally {
    await stores.close();
  }
}
