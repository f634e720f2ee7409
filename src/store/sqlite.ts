/**
 * The SQLite driver (better-sqlite3), the embedded default: one file, WAL so the web server can
 * read while a run writes, and several processes (batch workers, a server) can share it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors.js';
import { Report } from '../model/report.js';
import { LayoutDocument } from '../model/table.js';
import { auditBody, decode, describeKey, joinAudit, newId, notFound, now, page } from './codec.js';
import { migrate } from './migrations.js';
import {
  ChatMessage,
  DocumentRecord,
  Review,
  Run,
  type ArtifactKey,
  type ListOptions,
  type NewChatMessage,
  type NewDocument,
  type ReviewInput,
  type RunPatch,
  type RunStatus,
  type Store,
} from './types.js';

export interface SqliteStoreOptions {
  /** File path, or `:memory:`. Parent folders are created. */
  path: string;
  readonly?: boolean;
}

interface DocRow {
  id: string;
  name: string;
  size: number;
  created_at: string;
  has_pdf: number;
}

type ArtifactTable = 'layouts' | 'models' | 'audits';

/**
 * Opens (creating and migrating when needed) a SQLite store.
 *
 * @example
 *   const store = createSqliteStore({ path: '.lkjip/lkjip.db' });
 */
export function createSqliteStore(opts: SqliteStoreOptions): Store & { readonly db: Database.Database } {
  const db = open(opts);
  const DOC_SELECT = `SELECT d.id, d.name, d.size, d.created_at, EXISTS (SELECT 1 FROM pdfs p WHERE p.document_id = d.id) AS has_pdf FROM documents d`;
  const q = {
    getDoc: db.prepare<[string], DocRow>(`${DOC_SELECT} WHERE d.id = ?`),
    listDocs: db.prepare<[number, number], DocRow>(`${DOC_SELECT} ORDER BY d.created_at DESC, d.rowid DESC LIMIT ? OFFSET ?`),
    insertDoc: db.prepare(`INSERT INTO documents (id, name, size, created_at) VALUES (@id, @name, @size, @created_at) ON CONFLICT(id) DO NOTHING`),
    insertPdf: db.prepare(`INSERT INTO pdfs (document_id, bytes) VALUES (?, ?) ON CONFLICT(document_id) DO NOTHING`),
    getPdf: db.prepare<[string], { bytes: Buffer }>(`SELECT bytes FROM pdfs WHERE document_id = ?`),
    deleteDoc: db.prepare(`DELETE FROM documents WHERE id = ?`),
    insertRun: db.prepare(`INSERT INTO runs (id, document_id, pipeline_version, status, json, created_at) VALUES (@id, @documentId, @pipelineVersion, @status, @json, @createdAt)`),
    updateRun: db.prepare(`UPDATE runs SET status = ?, json = ? WHERE id = ?`),
    getRun: db.prepare<[string], { id: string; json: string }>(`SELECT id, json FROM runs WHERE id = ?`),
    allRuns: db.prepare<[], { id: string; json: string }>(`SELECT id, json FROM runs ORDER BY created_at DESC, rowid DESC`),
    docRuns: db.prepare<[string], { id: string; json: string }>(`SELECT id, json FROM runs WHERE document_id = ? ORDER BY created_at DESC, rowid DESC`),
    insertChat: db.prepare(`INSERT INTO chat (document_id, json, created_at) VALUES (?, ?, ?)`),
    setChatJson: db.prepare(`UPDATE chat SET json = ? WHERE id = ?`),
    putReview: db.prepare(`INSERT INTO reviews (document_id, finding_id, json, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(document_id, finding_id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`),
    listReviews: db.prepare<[string], { finding_id: string; json: string }>(`SELECT finding_id, json FROM reviews WHERE document_id = ? ORDER BY finding_id`),
    deleteReview: db.prepare(`DELETE FROM reviews WHERE document_id = ? AND finding_id = ?`),
    lastChat: db.prepare<[string, number], { id: number; json: string }>(`SELECT id, json FROM (SELECT id, json FROM chat WHERE document_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id`),
  };
  const artifact = {
    put: (table: ArtifactTable) => db.prepare(`INSERT INTO ${table} (sha256, version, json, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(sha256, version) DO UPDATE SET json = excluded.json, created_at = excluded.created_at`),
    get: (table: ArtifactTable) => db.prepare<[string, string], { json: string }>(`SELECT json FROM ${table} WHERE sha256 = ? AND version = ?`),
    del: (table: ArtifactTable) => db.prepare(`DELETE FROM ${table} WHERE sha256 = ?`),
  };
  const put = { layouts: artifact.put('layouts'), models: artifact.put('models'), audits: artifact.put('audits') };
  const get = { layouts: artifact.get('layouts'), models: artifact.get('models'), audits: artifact.get('audits') };
  const del = { layouts: artifact.del('layouts'), models: artifact.del('models'), audits: artifact.del('audits') };

  const readDoc = (row: DocRow) =>
    decode(DocumentRecord, JSON.stringify({ id: row.id, name: row.name, size: row.size, hasPdf: row.has_pdf === 1, createdAt: row.created_at }), `document ${row.id}`);
  const readRun = (row: { id: string; json: string }) => decode(Run, row.json, `run ${row.id}`);
  const putAudit = db.transaction((key: ArtifactKey, model: string, body: string, at: string) => {
    put.models.run(key.sha256, key.version, model, at);
    put.audits.run(key.sha256, key.version, body, at);
  });
  const putDocument = db.transaction((doc: NewDocument, pdf?: Uint8Array) => {
    q.insertDoc.run({ id: doc.id, name: doc.name, size: doc.size, created_at: now() });
    if (pdf) q.insertPdf.run(doc.id, Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });
  const deleteDocument = db.transaction((id: string) => {
    const gone = q.deleteDoc.run(id).changes > 0;
    if (gone) for (const d of Object.values(del)) d.run(id);
    return gone;
  });

  return {
    driver: 'sqlite',
    db,

    async putDocument(doc, pdf) {
      DocumentRecord.pick({ id: true, name: true, size: true }).parse(doc);
      putDocument(doc, pdf);
      return readDoc(q.getDoc.get(doc.id)!);
    },
    async getDocument(id) {
      const row = q.getDoc.get(id);
      return row ? readDoc(row) : null;
    },
    async listDocuments(opts?: ListOptions) {
      const { limit, offset } = page(opts);
      return q.listDocs.all(limit, offset).map(readDoc);
    },
    async getPdf(id) {
      const row = q.getPdf.get(id);
      return row ? new Uint8Array(row.bytes) : null;
    },
    async deleteDocument(id) {
      return deleteDocument(id);
    },

    async putLayout(key, layout) {
      put.layouts.run(key.sha256, key.version, JSON.stringify(layout), now());
    },
    async getLayout(key) {
      const row = get.layouts.get(key.sha256, key.version);
      return row ? decode(LayoutDocument, row.json, `layout ${describeKey(key)}`) : null;
    },
    async putModel(key, report) {
      put.models.run(key.sha256, key.version, JSON.stringify(report), now());
    },
    async getModel(key) {
      const row = get.models.get(key.sha256, key.version);
      return row ? decode(Report, row.json, `model ${describeKey(key)}`) : null;
    },
    async putAudit(key, result) {
      putAudit(key, JSON.stringify(result.report), auditBody(result), now());
    },
    async getAudit(key) {
      const body = get.audits.get(key.sha256, key.version);
      const model = body && get.models.get(key.sha256, key.version);
      return body && model ? joinAudit(model.json, body.json, key) : null;
    },

    async createRun({ documentId, pipelineVersion }) {
      if (!q.getDoc.get(documentId)) throw notFound('document', documentId);
      const at = now();
      const run = Run.parse({ id: newId(), documentId, pipelineVersion, status: 'queued', progress: null, error: null, cached: false, summary: null, createdAt: at, updatedAt: at });
      q.insertRun.run({ ...run, json: JSON.stringify(run) });
      return run;
    },
    async updateRun(id, patch: RunPatch) {
      const row = q.getRun.get(id);
      if (!row) throw notFound('run', id);
      const run = Run.parse({ ...readRun(row), ...patch, updatedAt: now() });
      q.updateRun.run(run.status, JSON.stringify(run), id);
      return run;
    },
    async getRun(id) {
      const row = q.getRun.get(id);
      return row ? readRun(row) : null;
    },
    async listRuns(filter: { documentId?: string; status?: RunStatus[] } = {}) {
      const rows = filter.documentId ? q.docRuns.all(filter.documentId) : q.allRuns.all();
      return rows.map(readRun).filter((r) => !filter.status || filter.status.includes(r.status));
    },

    async addChat(documentId, message: NewChatMessage) {
      if (!q.getDoc.get(documentId)) throw notFound('document', documentId);
      const at = now();
      // The id comes from SQLite, so the row is written first and its JSON completed after.
      return db.transaction(() => {
        const id = Number(q.insertChat.run(documentId, '{}', at).lastInsertRowid);
        const msg = ChatMessage.parse({ ...message, id, documentId, createdAt: at });
        q.setChatJson.run(JSON.stringify(msg), id);
        return msg;
      })();
    },
    async listChat(documentId, opts: { limit?: number } = {}) {
      const limit = opts.limit === undefined ? -1 : Math.max(Math.trunc(opts.limit), 0);
      return q.lastChat.all(documentId, limit).map((row) => decode(ChatMessage, row.json, `chat ${row.id}`));
    },

    async setReview(documentId, findingId, input: ReviewInput) {
      if (!q.getDoc.get(documentId)) throw notFound('document', documentId);
      const review = Review.parse({ documentId, findingId, status: input.status, note: input.note, updatedAt: now() });
      q.putReview.run(documentId, findingId, JSON.stringify(review), review.updatedAt);
      return review;
    },
    async listReviews(documentId) {
      return q.listReviews.all(documentId).map((row) => decode(Review, row.json, `review ${documentId.slice(0, 12)} ${row.finding_id}`));
    },
    async deleteReview(documentId, findingId) {
      return q.deleteReview.run(documentId, findingId).changes > 0;
    },

    async close() {
      if (db.open) db.close();
    },
  };
}

function open(opts: SqliteStoreOptions): Database.Database {
  const file = opts.path;
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file, { readonly: opts.readonly ?? false, timeout: 5000 });
  } catch (err) {
    throw new AppError('E_STORE', `Cannot open the database ${file}: ${err instanceof Error ? err.message : String(err)}`, { stage: 'store', file }, { cause: err });
  }
  if (file !== ':memory:' && !opts.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  try {
    if (!opts.readonly) migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}
