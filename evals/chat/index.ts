/**
 * Chat: the question set (`questions.json`) asked of both seed reports. Reports answer accuracy
 * (every expected fact stated and every expected source cited), fact and citation recall,
 * citation validity (every `[id]` resolves) and grounding (every figure backed by a cited source).
 *
 * The deterministic answerer always runs. With `LKJIP_EVAL_LLM=1` and an endpoint configured
 * (OPENAI_API_KEY / OPENAI_BASE_URL / LKJIP_MODEL or .lkjip.json), the LLM answerer is scored too:
 * live-model runs belong here, never in tests.
 *
 * Register in `evals/run.ts`: `import { chatScorer } from './chat/index.js';` and add it to SCORERS.
 */
import { ask, prepare, type Prepared } from '../../src/chat/index.js';
import { extractReport } from '../../src/extract/index.js';
import { loadLlmConfig } from '../../src/extract/llm/index.js';
import { auditReport } from '../../src/pipeline/audit.js';
import { readTables } from '../../src/pipeline/tables.js';
import { clip, pct, type DocumentReport, type Metrics, type ScoreReport, type Scorer } from '../lib/report.js';
import { SEEDS } from '../lib/seeds.js';
import { loadQuestions, scoreAnswer, summarize, type QuestionScore, type Summary } from './score.js';

/** Reads, extracts and audits one seed once (no OCR: the answers only need the text pages). */
export async function prepareSeed(doc: string): Promise<Prepared> {
  const seed = SEEDS.find((s) => s.doc === doc);
  if (!seed) throw new Error(`unknown seed ${doc}`);
  const layout = await readTables(seed.pdf, { ocr: 'off' });
  return prepare({ result: auditReport(extractReport(layout)), layout });
}

function metricsOf(s: Summary, prefix = ''): Metrics {
  return {
    [`${prefix}questions`]: s.questions,
    [`${prefix}passed`]: s.passed,
    [`${prefix}accuracy`]: s.accuracy,
    [`${prefix}factRecall`]: s.factRecall,
    [`${prefix}citationRecall`]: s.citationRecall,
    [`${prefix}citationValidity`]: s.citationValidity,
    [`${prefix}groundedFigures`]: s.groundedFigures,
    [`${prefix}intentAccuracy`]: s.intentAccuracy,
  };
}

function linesOf(label: string, s: Summary, scores: QuestionScore[]): string[] {
  const lines = [
    `${label}: ${s.passed}/${s.questions} answered correctly (${pct(s.accuracy)}); facts ${pct(s.factRecall)}, expected citations ${pct(s.citationRecall)}, valid citations ${pct(s.citationValidity)}, grounded figures ${pct(s.groundedFigures)}, intent ${pct(s.intentAccuracy)}`,
  ];
  for (const f of scores.filter((x) => !x.pass).slice(0, 8)) {
    const why = [
      f.missingFacts.length ? `missing facts: ${f.missingFacts.map((m) => `"${clip(m, 40)}"`).join(', ')}` : '',
      f.missingPages.length ? `pages not cited: ${f.missingPages.join(', ')}` : '',
      f.missingIds.length ? `ids not cited: ${f.missingIds.join(', ')}` : '',
      f.unknownIds.length ? `unknown ids: ${f.unknownIds.join(', ')}` : '',
      f.languageOk ? '' : 'wrong language',
    ].filter(Boolean);
    lines.push(`  ✗ ${f.id} "${clip(f.question, 50)}" — ${why.join('; ')}`);
  }
  return lines;
}

export const chatScorer: Scorer = {
  name: 'chat',
  async run(): Promise<ScoreReport> {
    const questions = await loadQuestions();
    const config = process.env.LKJIP_EVAL_LLM === '1' ? await loadLlmConfig() : null;
    const documents: DocumentReport[] = [];
    const all: QuestionScore[] = [];
    const allLlm: QuestionScore[] = [];
    for (const seed of SEEDS) {
      const qs = questions.filter((q) => q.doc === seed.doc);
      if (!qs.length) continue;
      const prepared = await prepareSeed(seed.doc);
      const scores: QuestionScore[] = [];
      const llmScores: QuestionScore[] = [];
      for (const q of qs) {
        scores.push(scoreAnswer(q, await ask(q.question, prepared, { lang: q.lang }), prepared));
        if (config) llmScores.push(scoreAnswer(q, await ask(q.question, prepared, { lang: q.lang, llm: true, config }), prepared));
      }
      all.push(...scores);
      allLlm.push(...llmScores);
      const s = summarize(scores);
      const lines = linesOf('deterministic', s, scores);
      let metrics = metricsOf(s);
      if (llmScores.length) {
        const l = summarize(llmScores);
        lines.push(...linesOf(`llm (${config!.model})`, l, llmScores));
        metrics = { ...metrics, ...metricsOf(l, 'llm.') };
      }
      documents.push({ doc: seed.doc, metrics, lines });
    }
    const total = summarize(all);
    const lines = [`questions: ${total.questions} (${all.filter((q) => q.lang === 'id').length} Indonesian, ${all.filter((q) => q.lang === 'en').length} English)`];
    if (!config) lines.push('llm answerer: not scored (set LKJIP_EVAL_LLM=1 and configure an endpoint)');
    return {
      name: 'chat',
      documents,
      totals: { ...metricsOf(total), ...(allLlm.length ? metricsOf(summarize(allLlm), 'llm.') : {}) },
      lines,
      details: { deterministic: all, ...(allLlm.length ? { llm: allLlm } : {}) },
    };
  },
};

// `npx tsx evals/chat/index.ts` runs this scorer alone.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const report = await chatScorer.run();
  for (const d of report.documents) console.log(`\n${d.doc}\n${d.lines.map((l) => `  ${l}`).join('\n')}`);
  console.log(`\n${report.lines?.join('\n') ?? ''}`);
  console.log(`totals: ${JSON.stringify(report.totals)}`);
}
