import { cp } from 'node:fs/promises';
import { openStores } from '../../../src/service/store/open-stores.ts';
import type { Stores } from '../../../src/service/store/stores.ts';
import { tempDataDir, type TempDataDir } from './databases.ts';

/**
 * A migrated PGlite data directory to copy: creating one costs seconds (migrations), a copy
 * and a reopen well under one, so every test gets a fresh embedded database cheaply.
 */
export interface StoreTemplate {
  /** A new data directory holding a copy of the template, removed by its `remove()`. */
  copy(): Promise<TempDataDir>;
  remove(): Promise<void>;
}

export async function createStoreTemplate(): Promise<StoreTemplate> {
  const template = await tempDataDir('testops-queue-template-');
  const stores = await openStores({ dataDir: template.path });
  await stores.close();
  return {
    async copy() {
      const dir = await tempDataDir('testops-queue-');
      await cp(template.path, dir.path, { recursive: true });
      return dir;
    },
    remove: () => template.remove(),
  };
}

/** The embedded stores over a data directory (PGlite), as the service opens them. */
export function openEmbeddedStores(dataDir: string): Promise<Stores> {
  return openStores({ dataDir });
}
