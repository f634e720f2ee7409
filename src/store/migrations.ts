/**
 * The SQLite schema as a versioned list of migrations. The database's `user_version` is the last
 * one applied; opening a database applies the rest in order, each in its own transaction. Never
 * edit a released migration: append a new one.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../errors.js';

export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Database.Database) => void);
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, results, runs, chat',
    up: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE pdfs (
        document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        bytes BLOB NOT NULL
      );
      -- Results are keyed by content hash and pipeline version, not by document, so a result
      -- computed for one upload serves every later upload of the same bytes.
      CREATE TABLE layouts (sha256 TEXT NOT NULL, version TEXT NOT NULL, json TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (sha256, version));
      CREATE TABLE models (sha256 TEXT NOT NULL, version TEXT NOT NULL, json TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (sha256, version));
      CREATE TABLE audits (sha256 TEXT NOT NULL, version TEXT NOT NULL, json TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (sha256, version));
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        pipeline_version TEXT NOT NULL,
        status TEXT NOT NULL,
        json TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX runs_document ON runs(document_id);
      CREATE INDEX runs_status ON runs(status);
      CREATE TABLE chat (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
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

/**
 * Applies the migrations the database has not seen and returns its version afterwards. A database
 * from a newer lkjip is refused rather than written with an older schema.
 *
 * @example
 *   migrate(db); // 1
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  checkOrder(migrations);
  const current = Number(db.pragma('user_version', { simple: true }));
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new AppError('E_STORE', `The database is at schema version ${current}, newer than this lkjip knows (${latest}); upgrade lkjip`, { stage: 'store' });
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return Math.max(current, latest);
}

function checkOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new AppError('E_STORE', `Migration ${m.name} has version ${m.version}, expected ${i + 1}`, { stage: 'store' });
  });
}
