import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { createSqliteStore, MIGRATIONS, migrate, openStore, type Migration, type Store } from '../../src/store/index.js';
import { audit, sha } from './fixtures.js';
import { storeConformance } from './conformance.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lkjip-store-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The suite runs against a file (WAL) rather than :memory:, as `lkjip serve` uses it.
storeConformance('sqlite', {
  create: () => createSqliteStore({ path: path.join(dir, `conf-${++n}.db`) }),
  corruptModel: (store: Store, key) => {
    (store as ReturnType<typeof createSqliteStore>).db.prepare('UPDATE models SET json = ? WHERE sha256 = ? AND version = ?').run('{"schemaVersion":"1","file":42}', key.sha256, key.version);
  },
});

describe('sqlite driver', () => {
  it('uses WAL and keeps data across reopening', async () => {
    const file = path.join(dir, 'nested', 'folder', 'persist.db');
    const a = createSqliteStore({ path: file });
    expect(a.db.pragma('journal_mode', { simple: true })).toBe('wal');
    await a.putDocument({ id: sha('p'), name: 'p.pdf', size: 4 }, new Uint8Array([1, 2, 3, 4]));
    await a.putAudit({ sha256: sha('p'), version: 'v1' }, audit('p'));
    await a.close();
    const b = openStore(file);
    expect(b.driver).toBe('sqlite');
    expect((await b.getDocument(sha('p')))!.hasPdf).toBe(true);
    expect(await b.getAudit({ sha256: sha('p'), version: 'v1' })).toEqual(audit('p'));
    await b.close();
  });

  it('sees writes made through another connection to the same file', async () => {
    const file = path.join(dir, 'shared.db');
    const a = createSqliteStore({ path: file });
    const b = createSqliteStore({ path: file });
    await a.putDocument({ id: sha('s'), name: 's.pdf', size: 1 });
    expect(await b.getDocument(sha('s'))).not.toBeNull();
    await a.close();
    await b.close();
  });

  it('opens memory: as the in-memory driver', async () => {
    const s = openStore('memory:');
    expect(s.driver).toBe('memory');
    await s.close();
  });
});

describe('migrations', () => {
  it('are numbered 1..n in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring a new database to the latest version once', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(migrate(db)).toBe(MIGRATIONS.length);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['audits', 'chat', 'documents', 'layouts', 'models', 'pdfs', 'reviews', 'runs']));
    db.close();
  });

  it('upgrade an older database, keeping its rows', async () => {
    const file = path.join(dir, 'old.db');
    const old = createSqliteStore({ path: file });
    await old.putDocument({ id: sha('o'), name: 'o.pdf', size: 1 });
    await old.close();
    const next: Migration = { version: MIGRATIONS.length + 1, name: 'test: notes', up: 'ALTER TABLE documents ADD COLUMN note TEXT' };
    const db = new Database(file);
    expect(migrate(db, [...MIGRATIONS, next])).toBe(next.version);
    expect(db.prepare('SELECT name, note FROM documents').all()).toEqual([{ name: 'o.pdf', note: null }]);
    db.close();
  });

  it('add the reviews table to a database made before it, keeping its documents', async () => {
    const file = path.join(dir, 'before-reviews.db');
    const db = new Database(file);
    migrate(db, MIGRATIONS.slice(0, 1));
    db.prepare('INSERT INTO documents (id, name, size, created_at) VALUES (?, ?, ?, ?)').run(sha('r'), 'r.pdf', 1, new Date().toISOString());
    db.close();
    const store = createSqliteStore({ path: file });
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    await store.setReview(sha('r'), 'capaian-1', { status: 'confirmed', note: 'ok' });
    expect((await store.listReviews(sha('r'))).map((r) => r.status)).toEqual(['confirmed']);
    await store.close();
  });

  it('roll back a failing migration and leave the version unchanged', () => {
    const db = new Database(':memory:');
    migrate(db);
    const bad: Migration = { version: MIGRATIONS.length + 1, name: 'bad', up: 'CREATE TABLE x (a INT); SELECT * FROM no_such_table;' };
    expect(() => migrate(db, [...MIGRATIONS, bad])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'x'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuse a database from a newer lkjip', () => {
    const file = path.join(dir, 'newer.db');
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    let err: unknown;
    try {
      createSqliteStore({ path: file });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('E_STORE');
  });

  it('refuse a list with a gap', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'gap', up: '' }])).toThrow(/expected 1/);
    db.close();
  });
});
