import { randomBytes } from 'node:crypto';
import { loadServiceConfig } from '../../../src/service/config.ts';
import {
  startServer,
  type RunningServer,
  type StartServerOptions,
} from '../../../src/service/start-server.ts';
import { createTestDatabase, tempDataDir } from './databases.ts';

export type StoreDriver = 'pglite' | 'postgres';

/**
 * `testops serve` on a fresh embedded data directory or a fresh PostgreSQL database, listening
 * on loopback; `close()` stops it and removes what it created.
 */
export async function startServerOn(
  store: StoreDriver,
  env: Record<string, string> = {},
  options: StartServerOptions & { concurrency?: number } = {},
): Promise<RunningServer> {
  const dataDir = await tempDataDir();
  const database = store === 'postgres' ? await createTestDatabase('testops_http') : undefined;
  const config = loadServiceConfig(
    {
      TESTOPS_DATA_DIR: dataDir.path,
      LOG_LEVEL: 'warn',
      TESTOPS_RATE_LIMIT: '100000',
      ...(database
        ? { DATABASE_URL: database.url, TESTOPS_SECRET_KEY: randomBytes(32).toString('base64') }
        : {}),
      ...env,
    },
    { port: 0, concurrency: options.concurrency ?? 1 },
  );
  const server = await startServer(config, options);
  return {
    ...server,
    async close() {
      await server.close();
      await database?.drop();
      await dataDir.remove();
    },
  };
}
