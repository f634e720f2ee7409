import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { createPostgresStore, openStore, PG_MIGRATIONS, type Store } from '../../src/store/index.js';
import { postgresMissing, startPostgres, type Service } from '../services.js';
import { audit, sha } from './fixtures.js';
import { storeConformance } from './conformance.js';

if (postgresMissing) console.warn(`PostgreSQL store tests skipped: ${postgresMissing}`);

let pg: Service | undefined;
let n = 0;
beforeAll(async () => {
  if (!postgresMissing) pg = await startPostgres();
});
afterAll(async () => {
  await pg?.stop();
});

/** A new, empty database on the test server, and the store's URL for it. */
async function freshDatabase(): Promise<string> {
  const admin = createPostgresStore({ url: pg!.url, maxConnections: 1 });
  const name = `conf_${process.pid}_${++n}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  return pg!.url.replace(/\/postgres$/, `/${name}`);
}

describe.skipIf(postgresMissing !== null)('postgres driver', () => {
  storeConformance('postgres', {
    create: async () => createPostgresStore({ url: await freshDatabase() }),
    corruptModel: async (store: Store, key) => {
      await (store as ReturnType<typeof createPostgresStore>).query('UPDATE models SET json = $1 WHERE sha256 = $2 AND version = $3', ['{"schemaVersion":"1","file":42}', key.sha256, key.version]);
    },
  });

  it('is picked by openStore for a postgres:// location, and two stores on one database see each other', async () => {
    const url = await freshDatabase();
    const a = openStore(url);
    const b = openStore(url.replace(/^postgres:/, 'postgresql:'));
    expect(a.driver).toBe('postgres');
    await a.putDocument({ id: sha('s'), name: 's.pdf', size: 4 }, new Uint8Array([1, 2, 3, 4]));
    await a.putAudit({ sha256: sha('s'), version: 'v1' }, audit('s'));
    expect((await b.getDocument(sha('s')))!.hasPdf).toBe(true);
    expect(await b.getAudit({ sha256: sha('s'), version: 'v1' })).toEqual(audit('s'));
    await a.close();
    await b.close();
  });

  it('migrates once when many stores open the same new database at the same time', async () => {
    const url = await freshDatabase();
    const stores = Array.from({ length: 5 }, () => createPostgresStore({ url }));
    await Promise.all(stores.map((s) => s.listDocuments()));
    const rows = await stores[0]!.query<{ version: number }>('SELECT version FROM lkjip_schema');
    expect(rows).toEqual([{ version: PG_MIGRATIONS.length }]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('refuses a database from a newer lkjip', async () => {
    const url = await freshDatabase();
    const first = createPostgresStore({ url });
    await first.query('UPDATE lkjip_schema SET version = $1', [PG_MIGRATIONS.length + 3]);
    await first.close();
    const err = await createPostgresStore({ url }).listDocuments().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('E_STORE');
    expect((err as AppError).message).toMatch(/newer than this lkjip/);
  });

  it('says which database it cannot reach, without its password (E_STORE)', async () => {
    const store = openStore('postgres://lkjip:s3cret@127.0.0.1:1/none');
    const err = await store.listDocuments().catch((e: unknown) => e);
    expect((err as AppError).code).toBe('E_STORE');
    expect((err as AppError).message).toContain('127.0.0.1:1');
    expect((err as AppError).message).not.toContain('s3cret');
    await store.close();
  });
});
