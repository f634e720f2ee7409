/**
 * The in-memory driver: for tests and for `lkjip serve --db :memory:`. It keeps JSON text, not
 * objects, so callers cannot change stored values by mutating what they passed or got back, and
 * reads are validated exactly as in the SQLite driver.
 */
import { Report } from '../model/report.js';
import { LayoutDocument } from '../model/table.js';
import { auditBody, decode, describeKey, joinAudit, newId, notFound, now, page } from './codec.js';
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

interface Row {
  seq: number;
  json: string;
}

/** Raw JSON by table, exposed so tests can plant rows a driver must refuse. */
export interface MemoryTables {
  documents: Map<string, Row>;
  pdfs: Map<string, Uint8Array>;
  layouts: Map<string, string>;
  models: Map<string, string>;
  audits: Map<string, string>;
  runs: Map<string, Row>;
  chat: Map<number, Row>;
  /** Review JSON by `documentId NUL findingId`. */
  reviews: Map<string, string>;
}

/**
 * A Store held in memory, gone when the process ends.
 *
 * @example
 *   const store = createMemoryStore();
 *   await store.putDocument({ id: sha, name: 'a.pdf', size: 10 });
 */
export function createMemoryStore(): Store & { readonly tables: MemoryTables } {
  const t: MemoryTables = { documents: new Map(), pdfs: new Map(), layouts: new Map(), models: new Map(), audits: new Map(), runs: new Map(), chat: new Map(), reviews: new Map() };
  let seq = 0;
  let chatId = 0;
  const k = (key: ArtifactKey) => `${key.sha256}\u0000${key.version}`;
  const newestFirst = (a: Row, b: Row) => b.seq - a.seq;
  const readDoc = (id: string, row: Row) => decode(DocumentRecord, row.json, `document ${id}`);
  const readRun = (id: string, row: Row) => decode(Run, row.json, `run ${id}`);

  return {
    driver: 'memory',
    tables: t,

    async putDocument(doc: NewDocument, pdf?: Uint8Array) {
      const existing = t.documents.get(doc.id);
      if (pdf && !t.pdfs.has(doc.id)) t.pdfs.set(doc.id, Uint8Array.from(pdf));
      if (existing) {
        const rec = readDoc(doc.id, existing);
        if (rec.hasPdf || !pdf) return rec;
        const updated = { ...rec, hasPdf: true };
        t.documents.set(doc.id, { seq: existing.seq, json: JSON.stringify(updated) });
        return updated;
      }
      const rec = DocumentRecord.parse({ ...doc, hasPdf: pdf !== undefined, createdAt: now() });
      t.documents.set(doc.id, { seq: ++seq, json: JSON.stringify(rec) });
      return rec;
    },
    async getDocument(id) {
      const row = t.documents.get(id);
      return row ? readDoc(id, row) : null;
    },
    async listDocuments(opts?: ListOptions) {
      const { limit, offset } = page(opts);
      return [...t.documents].sort(([, a], [, b]) => newestFirst(a, b)).slice(offset, offset + limit).map(([id, row]) => readDoc(id, row));
    },
    async getPdf(id) {
      const bytes = t.pdfs.get(id);
      return bytes ? Uint8Array.from(bytes) : null;
    },
    async deleteDocument(id) {
      if (!t.documents.delete(id)) return false;
      t.pdfs.delete(id);
      for (const map of [t.layouts, t.models, t.audits]) for (const key of [...map.keys()]) if (key.startsWith(`${id}\u0000`)) map.delete(key);
      for (const [runId, row] of [...t.runs]) if (readRun(runId, row).documentId === id) t.runs.delete(runId);
      for (const [msgId, row] of [...t.chat]) if (decode(ChatMessage, row.json, `chat ${msgId}`).documentId === id) t.chat.delete(msgId);
      for (const key of [...t.reviews.keys()]) if (key.startsWith(`${id}\u0000`)) t.reviews.delete(key);
      return true;
    },

    async putLayout(key, layout) {
      t.layouts.set(k(key), JSON.stringify(layout));
    },
    async getLayout(key) {
      const json = t.layouts.get(k(key));
      return json === undefined ? null : decode(LayoutDocument, json, `layout ${describeKey(key)}`);
    },
    async putModel(key, report) {
      t.models.set(k(key), JSON.stringify(report));
    },
    async getModel(key) {
      const json = t.models.get(k(key));
      return json === undefined ? null : decode(Report, json, `model ${describeKey(key)}`);
    },
    async putAudit(key, result) {
      t.models.set(k(key), JSON.stringify(result.report));
      t.audits.set(k(key), auditBody(result));
    },
    async getAudit(key) {
      const body = t.audits.get(k(key));
      const model = t.models.get(k(key));
      return body === undefined || model === undefined ? null : joinAudit(model, body, key);
    },

    async createRun({ documentId, pipelineVersion }) {
      if (!t.documents.has(documentId)) throw notFound('document', documentId);
      const at = now();
      const run = Run.parse({ id: newId(), documentId, pipelineVersion, status: 'queued', progress: null, error: null, cached: false, summary: null, createdAt: at, updatedAt: at });
      t.runs.set(run.id, { seq: ++seq, json: JSON.stringify(run) });
      return run;
    },
    async updateRun(id, patch: RunPatch) {
      const row = t.runs.get(id);
      if (!row) throw notFound('run', id);
      const run = Run.parse({ ...readRun(id, row), ...patch, updatedAt: now() });
      t.runs.set(id, { seq: row.seq, json: JSON.stringify(run) });
      return run;
    },
    async getRun(id) {
      const row = t.runs.get(id);
      return row ? readRun(id, row) : null;
    },
    async listRuns(filter: { documentId?: string; status?: RunStatus[] } = {}) {
      return [...t.runs]
        .sort(([, a], [, b]) => newestFirst(a, b))
        .map(([id, row]) => readRun(id, row))
        .filter((r) => (!filter.documentId || r.documentId === filter.documentId) && (!filter.status || filter.status.includes(r.status)));
    },

    async addChat(documentId, message: NewChatMessage) {
      if (!t.documents.has(documentId)) throw notFound('document', documentId);
      const msg = ChatMessage.parse({ ...message, id: ++chatId, documentId, createdAt: now() });
      t.chat.set(msg.id, { seq: msg.id, json: JSON.stringify(msg) });
      return msg;
    },
    async listChat(documentId, opts: { limit?: number } = {}) {
      const all = [...t.chat].map(([id, row]) => decode(ChatMessage, row.json, `chat ${id}`)).filter((m) => m.documentId === documentId);
      return opts.limit !== undefined ? all.slice(Math.max(all.length - Math.max(opts.limit, 0), 0)) : all;
    },

    async setReview(documentId, findingId, input: ReviewInput) {
      if (!t.documents.has(documentId)) throw notFound('document', documentId);
      const review = Review.parse({ documentId, findingId, status: input.status, note: input.note, updatedAt: now() });
      t.reviews.set(`${documentId}\u0000${findingId}`, JSON.stringify(review));
      return review;
    },
    async listReviews(documentId) {
      return [...t.reviews]
        .filter(([key]) => key.startsWith(`${documentId}\u0000`))
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([key, json]) => decode(Review, json, `review ${key.replace('\u0000', ' ')}`));
    },
    async deleteReview(documentId, findingId) {
      return t.reviews.delete(`${documentId}\u0000${findingId}`);
    },

    async close() {
      // Nothing to release; the data goes with the object.
    },
  };
}
