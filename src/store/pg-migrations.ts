/**
 * The PostgreSQL schema as a versioned list of migrations, one table per concern (documents, their
 * bytes, each kind of result, runs, chat, reviews). The table `lkjip_schema` holds the last version applied;
 * opening a store applies the rest in one transaction under an advisory lock, so servers and
 * workers starting together migrate once. Never edit a released migration: append a new one.
 */
import type { PoolClient } from 'pg';
import { AppError } from '../errors.js';

export interface PgMigration {
  version: number;
  name: string;
  up: string;
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'documents, results, runs, chat',
    up: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        seq BIGSERIAL NOT NULL,
        name TEXT NOT NULL,
        size BIGINT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE pdfs (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        bytes BYTEA NOT NULL
      );
      -- Results are keyed by content hash and pipeline version, not by document, so a result
      -- computed by one worker serves every later upload or batch of the same bytes.
      CREATE TABLE layouts (sha256 TEXT NOT NULL, version TEXT NOT NULL, json TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (sha256, version));
      CREATE TABLE models (sha256 TEXT NOT NULL, version TEXT NOT NULL, json TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (sha256, version));
      CREATE TABLE audits (sha256 TEXT NOT NULL, version TEXT NOT NULL, json TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (sha256, version));
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        seq BIGSERIAL NOT NULL,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        pipeline_version TEXT NOT NULL,
        status TEXT NOT NULL,
        json TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX runs_document ON runs(document_id, seq);
      CREATE INDEX runs_status ON runs(status);
      CREATE TABLE chat (
        id BIGSERIAL PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        json TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX chat_document ON chat(document_id, id);
    `,
  },
  {
    version: 2,
    name: 'reviews',
    up: `
      CREATE TABLE reviews (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        finding_id TEXT NOT NULL,
        json TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (document_id, finding_id)
      );
    `,
  },
];

/** Any constant: the key of the advisory lock that serialises migrations between processes. */
const MIGRATION_LOCK = 7_311_905;

/**
 * Applies the migrations the database has not seen and returns its version afterwards. A database
 * from a newer lkjip is refused rather than written with an older schema.
 *
 * @example
 *   await migratePg(client); // 1
 */
export async function migratePg(client: PoolClient, migrations: readonly PgMigration[] = PG_MIGRATIONS): Promise<number> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new AppError('E_STORE', `Migration ${m.name} has version ${m.version}, expected ${i + 1}`, { stage: 'store' });
  });
  const latest = migrations.at(-1)?.version ?? 0;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS lkjip_schema (version INTEGER NOT NULL)');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM lkjip_schema');
    const current = rows[0]?.version ?? 0;
    if (current > latest) {
      throw new AppError('E_STORE', `The database is at schema version ${current}, newer than this lkjip knows (${latest}); upgrade lkjip`, { stage: 'store' });
    }
    for (const m of migrations) if (m.version > current) await client.query(m.up);
    if (rows.length === 0) await client.query('INSERT INTO lkjip_schema (version) VALUES ($1)', [Math.max(current, latest)]);
    else await client.query('UPDATE lkjip_schema SET version = $1', [Math.max(current, latest)]);
    await client.query('COMMIT');
    return Math.max(current, latest);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
