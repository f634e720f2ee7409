/**
 * The ask endpoint's link to chat/: one prepared index per report (kept for the last few asked
 * about), the stored history turned into follow-up turns, and every cited id resolved to the boxes
 * the web page lights up.
 */
import { ask, citedIds, prepare, type Answer, type ChatCitation, type Prepared, type Turn } from '../chat/index.js';
import { loadLlmConfig } from '../extract/llm/index.js';
import type { AuditResult, Citation } from '../model/report.js';
import type { LayoutDocument } from '../model/table.js';
import type { AnswerCitation, ChatMessage, Highlight } from '../store/index.js';
import { AskResponse, type Lang } from './schemas.js';

export interface AskInput {
  /** Identifies the result (document and pipeline version), so per-report indexes can be reused. */
  key: string;
  question: string;
  lang: Lang;
  result: AuditResult;
  layout: LayoutDocument | null;
  /** Earlier messages about the same document, oldest first. */
  history: ChatMessage[];
}

/** Answers a question about one audited report; every citation must point into that report. */
export type Answerer = (input: AskInput) => Promise<AskResponse>;

const PREPARED_KEPT = 8;

/**
 * chat/'s answerer behind the Answerer shape: offline by default; with `llm`, the configured
 * OpenAI-compatible model (falling back to the offline answerer, with a notice, when none is set).
 *
 * @example
 *   const answer = createChatAnswerer();
 *   (await answer({ key, question: 'Ringkas temuan terpenting', lang: 'id', result, layout, history: [] })).answer;
 */
export function createChatAnswerer(opts: { llm?: boolean } = {}): Answerer {
  // Building the indexes of a report takes a moment; the last few reports asked about are kept.
  const kept = new Map<string, { prepared: Prepared; boxes: BoxIndex }>();
  return async (input) => {
    let entry = kept.get(input.key);
    if (!entry) {
      entry = { prepared: prepare({ result: input.result, ...(input.layout ? { layout: input.layout } : {}) }), boxes: boxIndex(input.result, input.layout) };
      kept.set(input.key, entry);
      if (kept.size > PREPARED_KEPT) kept.delete(kept.keys().next().value!);
    }
    const config = opts.llm ? await loadLlmConfig() : null;
    const answer = await ask(input.question, entry.prepared, { lang: input.lang, history: turns(input.history, entry.prepared), ...(opts.llm ? { llm: true, config } : {}) });
    return toResponse(answer, entry.boxes);
  };
}

function toResponse(answer: Answer, boxes: BoxIndex): AskResponse {
  return AskResponse.parse({
    answer: answer.text,
    citations: answer.citations.map((c) => toAnswerCitation(c, boxes)),
    findingIds: answer.citations.filter((c) => c.kind === 'finding').map((c) => c.id),
    ...(answer.notice ? { notice: answer.notice } : {}),
  });
}

/** Stored messages as the question/answer turns chat/ takes for follow-ups ("why?"). */
function turns(history: ChatMessage[], prepared: Prepared): Turn[] {
  const out: Turn[] = [];
  for (let i = 0; i + 1 < history.length; i++) {
    const q = history[i]!;
    const a = history[i + 1]!;
    if (q.role !== 'user' || a.role !== 'assistant') continue;
    const citations = prepared.index.resolve(citedIds(a.text));
    out.push({ question: q.text, answer: { text: a.text, citations, language: a.lang, answerer: 'deterministic' } });
    i++;
  }
  return out;
}

type BoxIndex = Map<string, Highlight[]>;

/** Every id an answer can cite → the boxes on the page that show it. */
function boxIndex(result: AuditResult, layout: LayoutDocument | null): BoxIndex {
  const boxes: BoxIndex = new Map();
  const add = (id: string, h: Highlight) => boxes.set(id, [...(boxes.get(id) ?? []), h]);
  // A scanned figure is lit where its words are printed (`textBox`), not over its whole grid cell.
  const fromCite = (c: Citation | null | undefined): Highlight[] => (c?.bbox ? [{ page: c.page, bbox: c.textBox ?? c.bbox }] : []);
  for (const t of layout?.tables ?? []) {
    for (const row of [...t.headerRows, ...t.rows]) {
      for (const cell of row.cells) {
        if (cell.spannedBy) continue;
        add(cell.id, { page: cell.page, bbox: cell.textBox ?? cell.bbox });
        add(`${t.id}.r${cell.row}`, { page: cell.page, bbox: cell.bbox });
      }
    }
    if (t.pages.length === 1) add(t.id, { page: t.pages[0]!, bbox: t.bbox });
  }
  // The same numbering as chat/'s citation index: `p<page>.<index in the layout's paragraphs>`.
  layout?.paragraphs.forEach((p, i) => add(`p${p.page}.${i}`, { page: p.page, bbox: p.bbox }));
  for (const c of result.report.claims) for (const h of fromCite(c.cite)) add(c.id, h);
  for (const f of result.findings) for (const h of f.citations.flatMap(fromCite)) add(f.id, h);
  return boxes;
}

function toAnswerCitation(c: ChatCitation, boxes: BoxIndex): AnswerCitation {
  const highlights = boxes.get(c.id) ?? [];
  const onPage = highlights.find((h) => h.page === c.page);
  return {
    id: c.id,
    kind: c.kind,
    page: c.page,
    table: c.table,
    row: c.row,
    ...(c.column != null ? { column: c.column } : {}),
    ...(c.caption != null ? { caption: c.caption } : {}),
    ...(c.text !== undefined ? { text: c.text } : {}),
    ...(onPage ? { bbox: onPage.bbox } : {}),
    highlights,
  };
}
