/**
 * Chat on the question set of `evals/chat/set/` (hand-written from the documents: two seed reports
 * and text-PDF corpus reports, a dev and a held-out split). Each document is read once through the
 * same path as `lkjip` (ingest without OCR → layout → extract → audit), keeping each page's words so
 * a citation can be checked against what the page prints. Prints accuracy, citation validity
 * ((page, figure) pairs printed on the cited page), expected-page recall and answer latency per
 * kind × language × split.
 *
 * Held-out discipline: held-out questions are scored and reduced to totals at once; no held-out
 * question, answer or per-question result is printed or written. Per-question lines (failures)
 * exist for the dev splits only, and only with `EVAL_CHAT_VERBOSE=1`.
 *
 * Splits: `dev` (tuned on), `dev2` (a second set written later in other wordings, scored unseen once
 * before tuning on it), `dev3` (a third, on four reports the others do not use, likewise), `dev4` (a fourth, on four
 * more corpus reports and the seeds, likewise), `dev5` (a fifth, on the held-out set's reports in new
 * wordings, likewise), `dev6` (a sixth, on six other reports, likewise; skipped while its file is absent), `heldout` (never tuned on).
 *
 * Environment: `EVAL_CHAT_SPLIT=dev|dev2|dev3|dev4|dev5|dev6|heldout` (one split; default all), `EVAL_CHAT_VERBOSE=1`.
 */
import { existsSync } from 'node:fs';
import { ask, prepare, type Prepared } from '../../src/chat/index.js';
import { extractReport } from '../../src/extract/index.js';
import { ingest } from '../../src/ingest/index.js';
import { layoutDocument } from '../../src/layout/index.js';
import { LayoutDocument } from '../../src/model/table.js';
import { auditReport } from '../../src/pipeline/audit.js';
import { clip, pct, type Metrics, type ScoreReport, type Scorer } from '../lib/report.js';
import { ROOT, SEEDS } from '../lib/seeds.js';
import { loadSet, pageText, scoreSetAnswer, summarizeSet, type PageText, type SetQuestion, type SetScore } from './score.js';

export type Split = 'dev' | 'dev2' | 'dev3' | 'dev4' | 'dev5' | 'dev6' | 'heldout';
const SPLITS: Split[] = ['dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'heldout'];
const KINDS: SetQuestion['kind'][] = ['value', 'check', 'explanation', 'location', 'summary', 'count', 'absent', 'false-premise'];

/** The PDF of a set document: a seed (`000_…`) or a corpus report (`c013`). */
export function pdfOf(doc: string): string {
  const seed = SEEDS.find((s) => s.doc === doc);
  return seed ? seed.pdf : `${ROOT}evals/corpus/pdf/${doc}.pdf`;
}

/** Reads, extracts and audits one document, keeping each page's words for citation checks. */
export async function prepareDoc(doc: string): Promise<{ prepared: Prepared; pages: PageText }> {
  const pdf = await ingest(pdfOf(doc), { ocr: 'off' });
  const layout = LayoutDocument.parse(layoutDocument(pdf));
  return { prepared: prepare({ result: auditReport(extractReport(layout)), layout }), pages: pageText(pdf.pages) };
}

/** Answers and scores questions of one split, timing each answer. */
export async function scoreQuestions(questions: SetQuestion[], docs: Map<string, { prepared: Prepared; pages: PageText }>): Promise<SetScore[]> {
  const out: SetScore[] = [];
  for (const q of questions) {
    const d = docs.get(q.doc);
    if (!d) continue;
    const started = performance.now();
    const answer = await ask(q.question, d.prepared);
    const ms = performance.now() - started;
    out.push(scoreSetAnswer(q, answer, d.prepared, d.pages, ms));
  }
  return out;
}

function row(label: string, scores: SetScore[]): string[] {
  const s = summarizeSet(scores);
  return [label, `${s.passed}/${s.questions}`, pct(s.accuracy), pct(s.citationValidity), pct(s.pageRecall)];
}

/** A table per split: kind × language, then totals. */
export function tableLines(scores: SetScore[]): string[] {
  const rows: string[][] = [['', 'passed', 'accuracy', 'valid cites', 'pages cited']];
  for (const kind of KINDS) {
    const k = scores.filter((s) => s.kind === kind);
    if (!k.length) continue;
    rows.push(row(kind, k));
    for (const lang of ['id', 'en'] as const) {
      const kl = k.filter((s) => s.lang === lang);
      if (kl.length) rows.push(row(`  ${lang}`, kl));
    }
  }
  for (const lang of ['id', 'en'] as const) rows.push(row(`all ${lang}`, scores.filter((s) => s.lang === lang)));
  rows.push(row('all', scores));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}

function latency(scores: SetScore[]): string {
  const ms = scores.map((s) => s.ms).sort((a, b) => a - b);
  if (!ms.length) return '—';
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return `mean ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${ms[ms.length - 1]!.toFixed(1)} ms`;
}

function metricsOf(split: Split, scores: SetScore[]): Metrics {
  const m: Metrics = {};
  const put = (key: string, xs: SetScore[]) => {
    const s = summarizeSet(xs);
    m[`${split}.${key}.questions`] = s.questions;
    m[`${split}.${key}.accuracy`] = s.accuracy;
    m[`${split}.${key}.citationValidity`] = s.citationValidity;
  };
  put('all', scores);
  for (const lang of ['id', 'en'] as const) put(lang, scores.filter((s) => s.lang === lang));
  for (const kind of KINDS) if (scores.some((s) => s.kind === kind)) put(kind, scores.filter((s) => s.kind === kind));
  m[`${split}.latencyMeanMs`] = scores.length ? scores.reduce((a, s) => a + s.ms, 0) / scores.length : Number.NaN;
  m[`${split}.latencyMaxMs`] = scores.length ? Math.max(...scores.map((s) => s.ms)) : Number.NaN;
  return m;
}

export const chatSetScorer: Scorer = {
  name: 'chat-set',
  async run(): Promise<ScoreReport> {
    const only = process.env.EVAL_CHAT_SPLIT as Split | undefined;
    const verbose = process.env.EVAL_CHAT_VERBOSE === '1';
    const splits = SPLITS.filter((s) => !only || s === only).filter((s) => existsSync(`${ROOT}evals/chat/set/questions.${s}.json`));
    const lines: string[] = [];
    let totals: Metrics = {};
    const details: Record<string, unknown> = {};
    const docs = new Map<string, { prepared: Prepared; pages: PageText }>();
    for (const split of splits) {
      const questions = await loadSet(`${ROOT}evals/chat/set/questions.${split}.json`);
      for (const doc of new Set(questions.map((q) => q.doc))) if (!docs.has(doc)) docs.set(doc, await prepareDoc(doc));
      const scores = await scoreQuestions(questions, docs);
      lines.push('', `${split}: ${scores.length} questions on ${new Set(questions.map((q) => q.doc)).size} reports; latency ${latency(scores)}`, ...tableLines(scores));
      totals = { ...totals, ...metricsOf(split, scores) };
      if (split !== 'heldout') {
        details[split] = scores;
        if (verbose) {
          for (const s of scores.filter((x) => !x.pass)) {
            const q = questions.find((x) => x.id === s.id)!;
            lines.push(`  ✗ ${s.id} ${s.kind}/${s.lang} "${clip(q.question, 70)}" — ${[s.missingFacts.length ? `missing ${s.missingFacts.join(', ')}` : '', s.stance ? '' : `no ${s.expect} stance`, s.languageOk ? '' : 'language'].filter(Boolean).join('; ')}`);
          }
        }
      }
      // Held-out: totals only; nothing per question is kept.
    }
    return { name: 'chat-set', documents: [], totals, lines, details };
  },
};

// `npx tsx evals/chat/set.ts` runs this scorer alone.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const report = await chatSetScorer.run();
  console.log(report.lines?.join('\n') ?? '');
}
