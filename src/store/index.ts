/**
 * Persistence behind one interface. `openStore` picks the driver from a location string so the
 * CLI and the server take a single `--db` option.
 */
import { createMemoryStore } from './memory.js';
import { createPostgresStore, isPostgresUrl } from './postgres.js';
import { createSqliteStore } from './sqlite.js';
import { DEFAULT_DB } from './defaults.js';
import type { Store } from './types.js';

export * from './types.js';
export { DEFAULT_DB } from './defaults.js';
export { createMemoryStore } from './memory.js';
export { createSqliteStore } from './sqlite.js';
export { createPostgresStore, isPostgresUrl, redactUrl } from './postgres.js';
export { PG_MIGRATIONS, migratePg, type PgMigration } from './pg-migrations.js';
export { MIGRATIONS, migrate, type Migration } from './migrations.js';

/**
 * Opens a store: `memory:` (or `:memory:`) for an in-memory one, `postgres://…` for a PostgreSQL
 * database (connected on first use; `pg` loads only then), anything else is a SQLite file.
 *
 * @example
 *   const store = openStore('.lkjip/lkjip.db');
 *   const shared = openStore('postgres://lkjip@db.internal/lkjip');
 *   const docs = await store.listDocuments();
 */
export function openStore(location: string = DEFAULT_DB): Store {
  if (location === 'memory:' || location === ':memory:') return createMemoryStore();
  if (isPostgresUrl(location)) return createPostgresStore({ url: location });
  return createSqliteStore({ path: location });
}
