/**
 * The PostgreSQL driver (node-postgres): one database that many web servers and queue workers
 * share, so a report audited on one machine is a stored result on every other. Values are kept as
 * JSON text and validated on read, exactly as in the SQLite driver.
 *
 * The connection is made, and the schema migrated, on first use: `openStore` stays synchronous and
 * `pg` is loaded only by a process that opens a PostgreSQL store.
 */
import type { Pool, PoolClient } from 'pg';
import { AppError } from '../errors.js';
import { Report } from '../model/report.js';
import { LayoutDocument } from '../model/table.js';
import { auditBody, decode, describeKey, joinAudit, newId, notFound, now, page } from './codec.js';
import { migratePg } from './pg-migrations.js';
import {
  ChatMessage,
  DocumentRecord,
  NewDocument,
  Review,
  Run,
  type ArtifactKey,
  type NewChatMessage,
  type ReviewInput,
  type RunPatch,
  type RunStatus,
  type Store,
} from './types.js';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database` (or `postgresql://…`). */
  url: string;
  /** Connections kept open at most. Default 10. */
  maxConnections?: number;
}

type ArtifactTable = 'layouts' | 'models' | 'audits';
type Query = <R extends object = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<R[]>;

interface DocRow {
  id: string;
  name: string;
  size: string;
  created_at: string;
  has_pdf: boolean;
}

const DOC_SELECT = `SELECT d.id, d.name, d.size, d.created_at, EXISTS (SELECT 1 FROM pdfs p WHERE p.document_id = d.id) AS has_pdf FROM documents d`;

/** Whether a `--db` location names a PostgreSQL database. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}

/**
 * A store in a PostgreSQL database; the tables are created (or upgraded) on first use.
 *
 * @example
 *   const store = createPostgresStore({ url: 'postgres://lkjip@db.internal/lkjip' });
 *   await store.listDocuments();
 */
export function createPostgresStore(opts: PostgresStoreOptions): Store & { readonly url: string; query: Query } {
  const where = redactUrl(opts.url);
  let pool: Promise<Pool> | null = null;
  let closed = false;

  const connect = async (): Promise<Pool> => {
    const { default: pg } = await import('pg');
    const p = new pg.Pool({ connectionString: opts.url, max: opts.maxConnections ?? 10 });
    // An idle connection that the server drops must not take the process down.
    p.on('error', () => undefined);
    try {
      const client = await p.connect();
      try {
        await migratePg(client);
      } finally {
        client.release();
      }
    } catch (err) {
      await p.end().catch(() => undefined);
      if (err instanceof AppError) throw err;
      throw new AppError('E_STORE', `Cannot open the PostgreSQL database ${where}: ${err instanceof Error ? err.message : String(err)}`, { stage: 'store' }, { cause: err });
    }
    return p;
  };
  const ready = (): Promise<Pool> => {
    if (closed) return Promise.reject(new AppError('E_STORE', `The store ${where} is closed`, { stage: 'store' }));
    pool ??= connect();
    return pool;
  };
  const query: Query = async (sql, params = []) => (await (await ready()).query(sql, params)).rows;
  /** Runs `fn` in one transaction on one connection. */
  const tx = async <T>(fn: (q: Query) => Promise<T>): Promise<T> => {
    const client: PoolClient = await (await ready()).connect();
    const q: Query = async (sql, params = []) => (await client.query(sql, params)).rows;
    try {
      await client.query('BEGIN');
      const out = await fn(q);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  };

  const readDoc = (row: DocRow) => decode(DocumentRecord, JSON.stringify({ id: row.id, name: row.name, size: Number(row.size), hasPdf: row.has_pdf, createdAt: row.created_at }), `document ${row.id}`);
  const readRun = (row: { id: string; json: string }) => decode(Run, row.json, `run ${row.id}`);
  const getDoc = async (id: string, q: Query = query) => (await q<DocRow>(`${DOC_SELECT} WHERE d.id = $1`, [id]))[0];
  const putArtifact = (q: Query, table: ArtifactTable, key: ArtifactKey, json: string, at: string) =>
    q(`INSERT INTO ${table} (sha256, version, json, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256, version) DO UPDATE SET json = EXCLUDED.json, created_at = EXCLUDED.created_at`, [key.sha256, key.version, json, at]);
  const getArtifact = async (table: ArtifactTable, key: ArtifactKey) => (await query<{ json: string }>(`SELECT json FROM ${table} WHERE sha256 = $1 AND version = $2`, [key.sha256, key.version]))[0]?.json;

  return {
    driver: 'postgres',
    url: where,
    query,

    async putDocument(doc, pdf) {
      NewDocument.parse(doc);
      return tx(async (q) => {
        await q(`INSERT INTO documents (id, name, size, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`, [doc.id, doc.name, doc.size, now()]);
        if (pdf) await q(`INSERT INTO pdfs (document_id, bytes) VALUES ($1, $2) ON CONFLICT (document_id) DO NOTHING`, [doc.id, Buffer.from(pdf)]);
        return readDoc((await getDoc(doc.id, q))!);
      });
    },
    async getDocument(id) {
      const row = await getDoc(id);
      return row ? readDoc(row) : null;
    },
    async listDocuments(list) {
      const { limit, offset } = page(list);
      return (await query<DocRow>(`${DOC_SELECT} ORDER BY d.seq DESC LIMIT $1 OFFSET $2`, [limit, offset])).map(readDoc);
    },
    async getPdf(id) {
      const row = (await query<{ bytes: Buffer }>(`SELECT bytes FROM pdfs WHERE document_id = $1`, [id]))[0];
      return row ? new Uint8Array(row.bytes) : null;
    },
    async deleteDocument(id) {
      return tx(async (q) => {
        const gone = (await q(`DELETE FROM documents WHERE id = $1 RETURNING id`, [id])).length > 0;
        if (gone) for (const table of ['layouts', 'models', 'audits'] as const) await q(`DELETE FROM ${table} WHERE sha256 = $1`, [id]);
        return gone;
      });
    },

    async putLayout(key, layout) {
      await putArtifact(query, 'layouts', key, JSON.stringify(layout), now());
    },
    async getLayout(key) {
      const json = await getArtifact('layouts', key);
      return json === undefined ? null : decode(LayoutDocument, json, `layout ${describeKey(key)}`);
    },
    async putModel(key, report) {
      await putArtifact(query, 'models', key, JSON.stringify(report), now());
    },
    async getModel(key) {
      const json = await getArtifact('models', key);
      return json === undefined ? null : decode(Report, json, `model ${describeKey(key)}`);
    },
    async putAudit(key, result) {
      const at = now();
      await tx(async (q) => {
        await putArtifact(q, 'models', key, JSON.stringify(result.report), at);
        await putArtifact(q, 'audits', key, auditBody(result), at);
      });
    },
    async getAudit(key) {
      const rows = await query<{ model: string; body: string }>(`SELECT m.json AS model, a.json AS body FROM audits a JOIN models m USING (sha256, version) WHERE a.sha256 = $1 AND a.version = $2`, [key.sha256, key.version]);
      const row = rows[0];
      return row ? joinAudit(row.model, row.body, key) : null;
    },

    async createRun({ documentId, pipelineVersion }) {
      if (!(await getDoc(documentId))) throw notFound('document', documentId);
      const at = now();
      const run = Run.parse({ id: newId(), documentId, pipelineVersion, status: 'queued', progress: null, error: null, cached: false, summary: null, createdAt: at, updatedAt: at });
      await query(`INSERT INTO runs (id, document_id, pipeline_version, status, json, created_at) VALUES ($1, $2, $3, $4, $5, $6)`, [run.id, documentId, pipelineVersion, run.status, JSON.stringify(run), at]);
      return run;
    },
    async updateRun(id, patch: RunPatch) {
      return tx(async (q) => {
        const row = (await q<{ id: string; json: string }>(`SELECT id, json FROM runs WHERE id = $1 FOR UPDATE`, [id]))[0];
        if (!row) throw notFound('run', id);
        const run = Run.parse({ ...readRun(row), ...patch, updatedAt: now() });
        await q(`UPDATE runs SET status = $1, json = $2 WHERE id = $3`, [run.status, JSON.stringify(run), id]);
        return run;
      });
    },
    async getRun(id) {
      const row = (await query<{ id: string; json: string }>(`SELECT id, json FROM runs WHERE id = $1`, [id]))[0];
      return row ? readRun(row) : null;
    },
    async listRuns(filter: { documentId?: string; status?: RunStatus[] } = {}) {
      const conds: string[] = [];
      const params: unknown[] = [];
      if (filter.documentId) conds.push(`document_id = $${params.push(filter.documentId)}`);
      if (filter.status) conds.push(`status = ANY($${params.push(filter.status)})`);
      const sql = `SELECT id, json FROM runs ${conds.length ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY seq DESC`;
      return (await query<{ id: string; json: string }>(sql, params)).map(readRun);
    },

    async addChat(documentId, message: NewChatMessage) {
      if (!(await getDoc(documentId))) throw notFound('document', documentId);
      const at = now();
      // The id comes from the database, so the row is written first and its JSON completed after.
      return tx(async (q) => {
        const id = Number((await q<{ id: string }>(`INSERT INTO chat (document_id, json, created_at) VALUES ($1, '{}', $2) RETURNING id`, [documentId, at]))[0]!.id);
        const msg = ChatMessage.parse({ ...message, id, documentId, createdAt: at });
        await q(`UPDATE chat SET json = $1 WHERE id = $2`, [JSON.stringify(msg), id]);
        return msg;
      });
    },
    async listChat(documentId, list: { limit?: number } = {}) {
      const limit = list.limit === undefined ? null : Math.max(Math.trunc(list.limit), 0);
      const rows = await query<{ id: string; json: string }>(`SELECT id, json FROM (SELECT id, json FROM chat WHERE document_id = $1 ORDER BY id DESC LIMIT $2) last ORDER BY id`, [documentId, limit]);
      return rows.map((row) => decode(ChatMessage, row.json, `chat ${row.id}`));
    },

    async setReview(documentId, findingId, input: ReviewInput) {
      if (!(await getDoc(documentId))) throw notFound('document', documentId);
      const review = Review.parse({ documentId, findingId, status: input.status, note: input.note, updatedAt: now() });
      await query(
        `INSERT INTO reviews (document_id, finding_id, json, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (document_id, finding_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
        [documentId, findingId, JSON.stringify(review), review.updatedAt],
      );
      return review;
    },
    async listReviews(documentId) {
      const rows = await query<{ finding_id: string; json: string }>(`SELECT finding_id, json FROM reviews WHERE document_id = $1 ORDER BY finding_id`, [documentId]);
      return rows.map((row) => decode(Review, row.json, `review ${documentId.slice(0, 12)} ${row.finding_id}`));
    },
    async deleteReview(documentId, findingId) {
      return (await query<{ finding_id: string }>(`DELETE FROM reviews WHERE document_id = $1 AND finding_id = $2 RETURNING finding_id`, [documentId, findingId])).length > 0;
    },

    async close() {
      closed = true;
      const p = pool;
      pool = null;
      if (p) await (await p.catch(() => null))?.end();
    },
  };
}
