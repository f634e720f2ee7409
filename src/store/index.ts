/**
 * Persistence behind one interface. `openStore` picks the driver from a location string so the
 * CLI and the server take a single `--db` option.
 */
import { createMemoryStore } from './memory.js';
import { createSqliteStore } from './sqlite.js';
import { DEFAULT_DB } from './defaults.js';
import type { Store } from './types.js';

export * from './types.js';
export { DEFAULT_DB } from './defaults.js';
export { createMemoryStore } from './memory.js';
export { createSqliteStore } from './sqlite.js';
export { MIGRATIONS, migrate, type Migration } from './migrations.js';

/**
 * Opens a store: `memory:` (or `:memory:`) for an in-memory one, anything else is a SQLite file.
 *
 * @example
 *   const store = openStore('.lkjip/lkjip.db');
 *   const docs = await store.listDocuments();
 */
export function openStore(location: string = DEFAULT_DB): Store {
  if (location === 'memory:' || location === ':memory:') return createMemoryStore();
  return createSqliteStore({ path: location });
}
