/**
 * The ask endpoint's link to chat/. The module is loaded lazily (a build without it answers 501),
 * its answers are checked here, and each cited id is resolved to the boxes the web page lights up.
 */
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

/** The parts of chat/ the server uses (see src/chat/index.ts). */
interface ChatCitationLike {
  id: string;
  kind: string;
  page: number;
  table: string | null;
  row: number | null;
  column?: number | null;
  text?: string;
  caption?: string | null;
}
interface AnswerLike {
  text: string;
  citations: ChatCitationLike[];
  language: Lang;
  answerer: string;
  notice?: string;
}
interface ChatModule {
  prepare(ctx: { result: AuditResult; layout?: Pick<LayoutDocument, 'tables' | 'paragraphs'> }): unknown;
  ask(question: string, prepared: unknown, opts: { lang?: Lang; history?: { question: string; answer: AnswerLike }[] }): Promise<AnswerLike>;
  citedIds(text: string): string[];
}

/** Where the chat module lives, relative to this file; a variable so a build without it still compiles. */
const CHAT_MODULE = '../chat/index.js';
const PREPARED_KEPT = 8;

/**
 * Loads chat/ and wraps its `ask`; null when the module is not there.
 *
 * @example
 *   const answer = await loadChatAnswerer();
 *   if (answer) (await answer({ key, question: 'Ringkas temuan', lang: 'id', result, layout, history: [] })).answer;
 */
export async function loadChatAnswerer(specifier: string = CHAT_MODULE): Promise<Answerer | null> {
  let mod: Partial<ChatModule>;
  try {
    mod = (await import(/* @vite-ignore */ specifier)) as Partial<ChatModule>;
  } catch (err) {
    if (isModuleMissing(err, specifier)) return null;
    throw err;
  }
  if (typeof mod.ask !== 'function' || typeof mod.prepare !== 'function' || typeof mod.citedIds !== 'function') return null;
  const chat = mod as ChatModule;
  // Building the indexes of a report takes a moment; the last few reports asked about are kept.
  const prepared = new Map<string, { prepared: unknown; boxes: BoxIndex }>();

  return async (input) => {
    let entry = prepared.get(input.key);
    if (!entry) {
      entry = { prepared: chat.prepare({ result: input.result, ...(input.layout ? { layout: input.layout } : {}) }), boxes: boxIndex(input.result, input.layout) };
      prepared.set(input.key, entry);
      if (prepared.size > PREPARED_KEPT) prepared.delete(prepared.keys().next().value!);
    }
    const answer = await chat.ask(input.question, entry.prepared, { lang: input.lang, history: turns(input.history) });
    const citations = answer.citations.map((c) => toAnswerCitation(c, entry.boxes));
    return AskResponse.parse({
      answer: answer.text,
      citations,
      findingIds: answer.citations.filter((c) => c.kind === 'finding').map((c) => c.id),
      ...(answer.notice ? { notice: answer.notice } : {}),
    });
  };
}

/** Stored messages as the question/answer turns chat/ takes for follow-ups. */
function turns(history: ChatMessage[]): { question: string; answer: AnswerLike }[] {
  const out: { question: string; answer: AnswerLike }[] = [];
  for (let i = 0; i + 1 < history.length; i++) {
    const q = history[i]!;
    const a = history[i + 1]!;
    if (q.role !== 'user' || a.role !== 'assistant') continue;
    const citations = a.citations.flatMap((c) => (c.id ? [{ id: c.id, kind: c.kind ?? 'page', page: c.page, table: c.table ?? null, row: c.row ?? null }] : []));
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
  const fromCite = (c: Citation | null | undefined): Highlight[] => (c?.bbox ? [{ page: c.page, bbox: c.bbox }] : []);
  for (const t of layout?.tables ?? []) {
    for (const row of [...t.headerRows, ...t.rows]) {
      for (const cell of row.cells) {
        if (cell.spannedBy) continue;
        add(cell.id, { page: cell.page, bbox: cell.bbox });
        add(`${t.id}.r${cell.row}`, { page: cell.page, bbox: cell.bbox });
      }
    }
    if (t.pages.length === 1) add(t.id, { page: t.pages[0]!, bbox: t.bbox });
  }
  layout?.paragraphs.forEach((p, i) => add(`p${p.page}.${i}`, { page: p.page, bbox: p.bbox }));
  for (const c of result.report.claims) for (const h of fromCite(c.cite)) add(c.id, h);
  for (const f of result.findings) for (const h of f.citations.flatMap(fromCite)) add(f.id, h);
  return boxes;
}

function toAnswerCitation(c: ChatCitationLike, boxes: BoxIndex): AnswerCitation {
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

/** Only the chat module itself being absent counts; a missing import inside it is a real error. */
function isModuleMissing(err: unknown, specifier: string): boolean {
  const e = err as { code?: string; message?: string };
  const missing = e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|does not exist/i.test(e?.message ?? '');
  const stem = specifier.replace(/^(\.\.?\/)+/, '').replace(/\.js$/, '');
  return missing && (e?.message ?? '').includes(stem);
}
