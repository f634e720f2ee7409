import { createRequire } from 'node:module';
import type { Finding, Report } from '../model/report.js';
import { formatId, formatUs } from '../numbers/index.js';
import { toWords } from '../numbers/terbilang.js';
import { clipText } from './citations.js';
import { select, type Attr, type EntityKind, type Fact, type FactEntity, type FactIndex, type Period, type TablePlace } from './facts.js';
import { FIGURE_TOKEN, readings, sameFigure } from './figures.js';
import { loanForm } from './loan.js';
import { comparePeriods, countChanged, pairOf } from './change.js';
import { checkPremise } from './premise.js';
import { like, matchFacts, syllabicPieces, type EntityMatch } from './resolve.js';
import { analyze, isDomainTerm, type Retriever } from './retrieval.js';
import type { Lang } from './types.js';
import { asksFindings, expandShorthand, type Understood } from './understand.js';

/**
 * Answers from the fact index: a value with every place it is printed (one figure printed in
 * several formats is one figure with several citations), a check of a figure the question states
 * (and a correction when it is not what the report prints), where something is printed, a count the
 * report states, and — when the report does not print what is asked — a plain "the report does not
 * state …", with the nearest thing it does print labelled as such. Returns null when the question is
 * better served by the findings answerer (summaries, lists of findings, explanations).
 */

export interface GroundedAnswer {
  text: string;
  intent: string;
}

interface Ctx {
  fx: FactIndex;
  report: Report;
  retriever: Retriever;
  findings: Finding[];
  lang: Lang;
}

export { select };

const MAX_IDS = 10;
const CHECK_WORDS = /\b(benar|tepat|sesuai|cocok|correct|right|accurate|consistent|match|true)\b/i;
const MAX_GROUPS = 4;
/** An entity match this good names the entity; below it, the question names something the report may not have. */
const SURE = 0.55;
const WEAK = 0.35;

const ATTR_NAME: Record<Attr, { id: string; en: string }> = {
  target: { id: 'Target', en: 'Target' },
  realisasi: { id: 'Realisasi', en: 'Realisation' },
  capaian: { id: 'Capaian', en: 'Achievement (capaian)' },
  predikat: { id: 'Predikat', en: 'Rating (predikat)' },
  pagu: { id: 'Pagu anggaran', en: 'Budget (pagu)' },
  serapan: { id: 'Serapan anggaran', en: 'Budget absorption (serapan)' },
  sisa: { id: 'Sisa anggaran', en: 'Remaining budget (sisa)' },
  efisiensi: { id: 'Efisiensi', en: 'Efficiency' },
  count: { id: 'Jumlah', en: 'Number' },
  prakiraan: { id: 'Prakiraan maju', en: 'Forecast (prakiraan maju)' },
  name: { id: 'Nama', en: 'Name' },
  year: { id: 'Tahun', en: 'Year' },
  benchmark: { id: 'Angka pembanding (nasional/provinsi)', en: 'Comparison figure (national/provincial)' },
};

const PERIOD_NAME: Record<Period, { id: string; en: string }> = {
  current: { id: '', en: '' },
  previous: { id: 'tahun sebelumnya', en: 'previous year' },
  earlier: { id: 'tahun-tahun sebelumnya', en: 'earlier year' },
  renstra: { id: 'akhir Renstra', en: 'end of the Renstra' },
  next: { id: 'tahun berikutnya', en: 'next year' },
};

/** Indonesian and English function words (stopwords-iso), as the question's words are normalised. */
const STOPWORDS_ID_EN: ReadonlySet<string> = (() => {
  const lists = createRequire(import.meta.url)('stopwords-iso') as Record<'id' | 'en', string[]>;
  return new Set([...lists.id, ...lists.en].flatMap((w) => analyze(w)));
})();

/** Indonesian discourse particles ("sih", "dong", "kok"): they end a phrase and name nothing. */
const PARTICLE = /^(?:sih|dong|deh|nih|kok|ya|yah|kah|lah|tah|loh|lho|toh|kan)$/;

const BUDGET_KINDS: EntityKind[] = ['program', 'kegiatan', 'sub_kegiatan', 'total', 'belanja'];
const MONEY_ATTRS: Attr[] = ['pagu', 'serapan', 'sisa', 'prakiraan'];
const INDICATOR_ATTRS: Attr[] = ['target', 'capaian', 'predikat'];

/**
 * Answers a question from the fact index, or returns null for the findings answerer.
 *
 * @example
 *   answerGrounded(understand('Berapa capaian IKM?'), { fx, retriever, findings, lang: 'id' });
 *   // { text: 'Capaian Indeks Kepuasan Masyarakat …: 105,73% [t5.r3c5] [t6.r6c5]', intent: 'value' }
 */
export function answerGrounded(u: Understood, ctx: Omit<Ctx, 'lang'>): GroundedAnswer | null {
  const c: Ctx = { ...ctx, lang: u.lang };
  if (u.kind === 'summary') return asksFindings(u.question) ? null : summaryAnswer(u, c);
  // "Each of the 4 programmes": a number of lines is no premise.
  if (u.kind === 'value' && u.asserted.every((a) => u.counts.includes(a))) {
    const per = breakdown(u, c);
    if (per) return per;
  }
  const types = unprintedSpending(u, c);
  if (types) return types;
  if (ADDS_UP.test(u.question)) return sumCheck(u, c);
  const aboutFindings = asksFindings(u.question);
  if (aboutFindings && !u.asserted.length && !u.assertedLabel) return null;
  // A table named beside a stated figure or label is where the premise is printed, not what is asked.
  const stated = u.asserted.some((a) => !u.counts.includes(a)) || !!u.assertedLabel;
  if (u.tableLabel && (u.kind === 'location' || (!u.attrs.length && !(u.kind === 'check' && stated)))) return tableAnswer(u, c);
  if (u.kind === 'count') return countAnswer(u, c);
  // "Of all 8 IKU": a count of the lines ranked, no figure of the one named.
  const values = u.asserted.filter((a) => !u.counts.includes(a));
  if (SUPERLATIVE.test(expandShorthand(u.question)) && !values.length) {
    const ranked = rankAnswer({ ...u, asserted: values }, c);
    if (ranked) return ranked;
  }
  // "50.1 lebih tinggi dari 55.3?": two stated figures compared, where the report prints them.
  if ((u.kind === 'check' || u.kind === 'explanation') && distinctive(u).length >= 2 && HIGHER.test(expandShorthand(u.question.toLowerCase())) !== LOWER.test(expandShorthand(u.question.toLowerCase()))) {
    const said = figureInText(u, c);
    if (said) return said;
  }
  const periods = comparePeriods(u, c);
  if (periods) return periods;
  const pair = comparePair(u, c);
  if (pair) return pair;
  const answer = factAnswer(u, c);
  // "Why is X the lowest, below 80%?": a figure corrected, then the ranking the question takes for granted.
  if (answer && SUPERLATIVE.test(expandShorthand(u.question)) && values.length) {
    const ranked = rankAnswer({ ...u, asserted: [] }, c);
    if (ranked && answer.intent === 'correction') return { ...answer, text: [answer.text, ...ranked.text.split('\n').filter((l) => !/^(Tidak|No)\. /.test(l))].join('\n') };
    // "X is the lowest at 87.97%, right?": the figure is right, the ranking is not.
    if (ranked?.intent === 'correction') return { intent: 'correction', text: [ranked.text, ...answer.text.split('\n').filter((l) => !/^(Ya|Yes)\b/.test(l))].join('\n') };
  }
  return answer;
}

function t(c: Ctx, id: string, en: string): string {
  return c.lang === 'id' ? id : en;
}

function plain(text: string): string {
  return text.replace(/\[/g, '(').replace(/\]/g, ')').replace(/\s+/g, ' ').trim();
}

const MONEY_SUMMARY = /\b(anggaran|budget|belanja|pagu|realisasi anggaran|spent|spending|expenditure|apbd|keuangan|financial|dana|serapan|absorption)\b/i;
const MAX_SUMMARY = 8;

/**
 * A summary from the fact index: the budget (totals by variant, spending by type) when the question
 * speaks of money, else each indicator's target, realisasi, capaian and predikat with the mean the
 * report prints; then the audit's findings by severity. Null when the report has neither.
 */
function summaryAnswer(u: Understood, c: Ctx): GroundedAnswer | null {
  const per = breakdown(u, c);
  if (per) return per;
  const lines: string[] = [];
  if (/\b(efisiensi|efisien|efficiency|efficient)\b/i.test(u.question)) {
    const rows = [...c.fx.entities.values()].filter((e) => c.fx.about(e).some((f) => f.attr === 'efisiensi'));
    for (const e of rows.slice(0, MAX_SUMMARY)) {
      const fs = c.fx.about(e).filter((f) => f.table && c.fx.about(e).some((x) => x.attr === 'efisiensi' && x.table === f.table));
      const bit = (a: Attr) => fs.filter((f) => f.attr === a);
      const parts = (['capaian', 'serapan', 'efisiensi'] as Attr[]).filter((a) => bit(a).length).map((a) => `${ATTR_NAME[a][c.lang].toLowerCase()} ${[...new Set(bit(a).map((f) => `${plain(f.text)} [${f.id}]`))].slice(0, 2).join(', ')}`);
      if (parts.length) lines.push(`- ${plain(clipText(e.name, 90))}: ${parts.join('; ')}`);
    }
    if (lines.length) lines.unshift(t(c, `Efisiensi penggunaan sumber daya (${rows.length} baris):`, `Efficiency of resource use (${rows.length} rows):`));
  }
  if (!lines.length && MONEY_SUMMARY.test(u.question)) {
    const totals = [...c.fx.entities.values()].filter((e) => e.kind === 'total');
    const budgetTotals = totals.filter((e) => !e.key.startsWith('belanja:'));
    const belanjaTotal = totals.filter((e) => e.key.startsWith('belanja:'));
    for (const [name, ents] of [[t(c, 'Total anggaran', 'Total budget'), budgetTotals], [t(c, 'Total belanja', 'Total spending'), belanjaTotal]] as const) {
      const pool = c.fx.facts.filter((f) => ents.includes(f.entity) && f.period === 'current' && f.variant !== 'rencana');
      for (const attr of ['pagu', 'realisasi', 'serapan'] as Attr[]) {
        for (const variant of attr === 'pagu' ? (['original', 'perubahan', null] as const) : ([null] as const)) {
          const fs = pool.filter((f) => f.attr === attr && (attr !== 'pagu' || f.variant === variant));
          if (!fs.length) continue;
          const v = variant ? t(c, variant === 'original' ? ' (murni)' : ' (perubahan)', variant === 'original' ? ' (original)' : ' (revised)') : '';
          lines.push(groupLine(c, `${name} — ${ATTR_NAME[attr][c.lang].toLowerCase()}${v}`, fs, false));
        }
      }
    }
    const belanja = [...c.fx.entities.values()].filter((e) => e.kind === 'belanja');
    for (const e of belanja.slice(0, 5)) {
      const fs = c.fx.about(e).filter((f) => f.period === 'current');
      const pagu = fs.filter((f) => f.attr === 'pagu');
      const real = fs.filter((f) => f.attr === 'realisasi');
      // The % spent its table prints beside it (the row may be indexed as a budget line of the same name).
      const pct = c.fx.facts.filter((f) => f.attr === 'serapan' && f.period === 'current' && f.entity.name.toLowerCase().trim() === e.name.toLowerCase().trim());
      const parts = [pagu.length ? `${t(c, 'pagu', 'budget')} ${cites(pagu)}` : '', real.length ? `${t(c, 'realisasi', 'spent')} ${cites(real)}` : '', pct.length ? `${t(c, 'serapan', 'absorption')} ${cites(pct)}` : ''].filter(Boolean);
      if (parts.length) lines.push(`${plain(e.name)}: ${parts.join('; ')}`);
    }
  }
  if (!lines.length) {
    const indicators = [...c.fx.entities.values()].filter((e) => e.kind === 'indicator');
    const rows: string[] = [];
    for (const e of indicators) {
      const fs = c.fx.about(e).filter((f) => f.period === 'current' && f.variant !== 'rencana');
      const cap = fs.filter((f) => f.attr === 'capaian');
      if (!cap.length) continue;
      const tg = fs.filter((f) => f.attr === 'target');
      const re = fs.filter((f) => f.attr === 'realisasi');
      const pr = fs.filter((f) => f.attr === 'predikat');
      const bits = [tg.length ? `target ${commonest(tg)}` : '', re.length ? `${t(c, 'realisasi', 'realisation')} ${commonest(re)}` : '', `capaian ${commonest(cap)}`, pr.length ? `(${plain(pr[0]!.text)})` : ''].filter(Boolean);
      rows.push(`- ${plain(clipText(e.name, 90))}: ${bits.join(', ')}`);
    }
    if (rows.length) {
      lines.push(t(c, `Capaian ${rows.length} indikator kinerja:`, `Performance of ${rows.length} indicators:`), ...rows.slice(0, MAX_SUMMARY));
      if (rows.length > MAX_SUMMARY) lines.push(t(c, `- … dan ${rows.length - MAX_SUMMARY} indikator lain`, `- … and ${rows.length - MAX_SUMMARY} more indicators`));
    }
    const averages = c.fx.facts.filter((f) => f.entity.kind === 'average' && f.period === 'current');
    if (averages.length) lines.push(groupLine(c, t(c, 'Rata-rata capaian', 'Average capaian'), averages, false));
  }
  // The mean capaian, when asked beside the budget ("average achievement and overall absorption").
  if (u.entityKinds.includes('average') && !lines.some((l) => /rata-rata|average/i.test(l))) {
    const averages = c.fx.facts.filter((f) => f.entity.kind === 'average' && f.period === 'current');
    if (averages.length) lines.unshift(groupLine(c, t(c, 'Rata-rata capaian', 'Average capaian'), averages, false));
  }
  if (!lines.length) return null;
  // The report's own summary sentence (a mean, an overall figure), quoted.
  const topic = /\b(efisiensi|efisien|efficiency)\b/i.test(u.question) ? /efisien/i : MONEY_SUMMARY.test(u.question) ? /anggaran|apbd|belanja/i : /capaian|kinerja/i;
  const said = prose(c, topic, /rata-rata|secara keseluruhan|keseluruhan|total|seluruh|apbd/i);
  if (said) lines.push(said);
  const fs = c.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  if (fs.length) lines.push(t(c, `Audit: ${fs.length} temuan error/peringatan (${fs.slice(0, 3).map((f) => `[${f.id}]`).join(' ')}${fs.length > 3 ? ' …' : ''}).`, `Audit: ${fs.length} error/warning findings (${fs.slice(0, 3).map((f) => `[${f.id}]`).join(' ')}${fs.length > 3 ? ' …' : ''}).`));
  return { intent: 'summary', text: lines.join('\n') };
}

/** "per program", "setiap kegiatan", "for each programme", "by sub-activity": a row per entity of that level. */
const PER_LEVEL = /\b(?:per|setiap|tiap|tiap-tiap|masing-masing|masing2|each|every|by|per-)\s+(?:of\s+)?(?:(?:the|nya|its|their)\s+)?(?:(?:\d+|two|three|four|five|six|seven|eight|dua|tiga|empat|lima|enam|tujuh|delapan)\s+)?(program|programs|programme|programmes|kegiatan|sub ?-?kegiatan|activit(?:y|ies)|sub-?activit(?:y|ies))\b/i;

/**
 * A breakdown by budget level: each program (kegiatan, sub-kegiatan) with the quantities asked
 * (by default its pagu, realisasi and serapan), each as printed with its cell, the list capped with
 * the count of the rest. Null when the question asks for no such breakdown or the report has no
 * rows of that level.
 */
function breakdown(u: Understood, c: Ctx): GroundedAnswer | null {
  const m = PER_LEVEL.exec(u.question);
  if (!m) return perIndicator(u, c);
  const word = m[1]!.toLowerCase();
  const kind: EntityKind = /sub/.test(word) ? 'sub_kegiatan' : /kegiatan|activit/.test(word) ? 'kegiatan' : 'program';
  const entities = [...c.fx.entities.values()].filter((e) => e.kind === kind);
  if (!entities.length) return null;
  const asked = u.attrs.filter((a): a is Attr => ['pagu', 'realisasi', 'serapan', 'sisa'].includes(a));
  const attrs: Attr[] = asked.length >= 2 ? asked : [...new Set<Attr>(['pagu', 'realisasi', 'serapan', ...asked])];
  const line = (e: FactEntity, name: string): string | null => {
    const all = c.fx.about(e).filter((f) => f.period === 'current' && f.variant !== 'rencana');
    // One row's figures: those of the table that prints the realisasi, where one does.
    const home = all.find((f) => f.attr === 'realisasi' && f.table)?.table;
    const fs = home ? all.filter((f) => f.table === home || !all.some((x) => x.table === home && x.attr === f.attr)) : all;
    // The budget the realisasi is reported against: the revised one where both are printed.
    const pagu = fs.filter((f) => f.attr === 'pagu');
    const revised = pagu.filter((f) => f.variant === 'perubahan');
    const pick = (a: Attr): Fact[] => (a === 'pagu' ? (revised.length ? revised : pagu) : fs.filter((f) => f.attr === a));
    const parts = attrs.filter((a) => pick(a).length).map((a) => `${ATTR_NAME[a][c.lang].toLowerCase()} ${commonest(pick(a))}`);
    return parts.length ? `${name}: ${parts.join('; ')}` : null;
  };
  const rows = entities.map((e) => line(e, `- ${plain(clipText(e.name, 90))}`)).filter((x): x is string => x !== null);
  if (!rows.length) return null;
  // The budget's total, which the rows add up to.
  const total = [...c.fx.entities.values()].find((e) => e.kind === 'total' && !e.key.startsWith('belanja:') && c.fx.about(e).some((f) => f.attr === 'realisasi'));
  const totalLine = total ? line(total, t(c, 'Jumlah', 'Total')) : null;
  const level = { program: ['program', 'programme'], kegiatan: ['kegiatan', 'activity'], sub_kegiatan: ['sub-kegiatan', 'sub-activity'] }[kind as 'program' | 'kegiatan' | 'sub_kegiatan'];
  const lines = [t(c, `Per ${level[0]} (${rows.length}):`, `By ${level[1]} (${rows.length}):`), ...rows.slice(0, MAX_SUMMARY)];
  if (rows.length > MAX_SUMMARY) lines.push(t(c, `- … dan ${rows.length - MAX_SUMMARY} ${level[0]} lain`, `- … and ${rows.length - MAX_SUMMARY} more`));
  if (totalLine) lines.push(totalLine);
  return { intent: 'summary', text: lines.join('\n') };
}

/** "For all 6 indicators", "setiap indikator": a row per indicator. */
const PER_INDICATOR = /\b(?:all|semua|seluruh|setiap|tiap|each|every|per|masing-masing)\s+(?:of\s+)?(?:the\s+)?(?:\d+\s+)?(?:indicators|indikator|iku)\b/i;

/**
 * Each indicator with the quantities asked (by default its capaian) in the period asked (this
 * year, the Renstra end), each figure with its cell; the list capped with the count of the rest.
 */
function perIndicator(u: Understood, c: Ctx): GroundedAnswer | null {
  if (!PER_INDICATOR.test(u.question)) return null;
  const asked = u.attrs.filter((a) => INDICATOR_ATTRS.includes(a) || a === 'realisasi');
  // Across years the measured figure moves; in one year the capaian is the summary.
  const attrs: Attr[] = asked.length ? asked : u.years.length > 1 ? ['realisasi'] : ['capaian'];
  const rows: string[] = [];
  for (const e of c.fx.entities.values()) {
    const about = c.fx.about(e);
    // An indicator is measured: a row of a rating scale has a range, no target or realisasi.
    if (e.kind !== 'indicator' || !about.some((f) => f.attr === 'target' || f.attr === 'realisasi')) continue;
    // Several years asked: each year's figure, in order.
    const years = u.years.length > 1 ? [...u.years].sort((a, b) => a - b) : [null];
    const parts = attrs.flatMap((a) => {
      const each = years.map((year) => ({ year, fs: select(about, a, year === null ? u : { ...u, year, period: null }) })).filter((x) => x.fs.length);
      if (!each.length) return [];
      return [`${ATTR_NAME[a][c.lang].toLowerCase()} ${each.map((x) => `${x.year !== null ? `${x.year} ` : ''}${commonest(x.fs)}`).join(' → ')}`];
    });
    if (parts.length) rows.push(`- ${plain(clipText(e.name, 90))}: ${parts.join('; ')}`);
  }
  if (rows.length < 2) return null;
  const when = u.years.length > 1 ? ` (${[...u.years].sort((a, b) => a - b).join(', ')})` : u.period && u.period !== 'current' ? ` (${PERIOD_NAME[u.period][c.lang]})` : '';
  const lines = [t(c, `Per indikator${when} (${rows.length}):`, `By indicator${when} (${rows.length}):`), ...rows.slice(0, MAX_SUMMARY)];
  if (rows.length > MAX_SUMMARY) lines.push(t(c, `- … dan ${rows.length - MAX_SUMMARY} indikator lain`, `- … and ${rows.length - MAX_SUMMARY} more`));
  return { intent: 'summary', text: lines.join('\n') };
}

const SPENDING_TYPE = /\bbelanja\s+(pegawai|barang(?:\s+(?:dan|&)\s+jasa)?|modal|operasi|transfer|tidak terduga|hibah|bantuan sosial)\b/g;

/**
 * "Realisasi belanja pegawai dan belanja barang & jasa?": spending types the question names that
 * the report prints nowhere (no line, no spending table row of that name), while it does break
 * spending down by other types: not in the report, with the types it does print.
 */
function unprintedSpending(u: Understood, c: Ctx): GroundedAnswer | null {
  const q = u.question.toLowerCase().replace(/\s+/g, ' ');
  const named = [...new Set([...q.matchAll(SPENDING_TYPE)].map((m) => `belanja ${m[1]!.replace(/\s*&\s*/, ' dan ')}`))];
  if (!named.length) return null;
  const names = [...c.fx.entities.values()].flatMap((e) => e.names.map((n) => n.toLowerCase().replace(/\s+/g, ' ').replace(/\s*&\s*/g, ' dan ')));
  if (named.some((n) => names.some((x) => x.includes(n)))) return null;
  const printed = [...new Set([...c.fx.entities.values()].filter((e) => e.kind === 'belanja').map((e) => e.name))];
  if (!printed.length) return null;
  const shown = named.map((n) => n.replace(/^belanja/, 'Belanja')).join(', ');
  return {
    intent: 'absent',
    text: t(c, `Laporan tidak memuat ${shown}: laporan merinci belanja hanya menurut ${printed.join(', ')}.`, `The report does not state ${shown}: it breaks spending down only by ${printed.join(', ')}.`),
  };
}

/** The first sentence of the report's text on a topic that states an overall figure, quoted with its paragraph id. */
function prose(c: Ctx, topic: RegExp, overall: RegExp): string | null {
  for (const d of c.retriever.docs.values()) {
    if (d.kind !== 'paragraph') continue;
    const sentences = d.text.replace(/\s+/g, ' ').split(/(?<=[.;])\s+(?=[A-Z])/);
    const hit = sentences.find((x) => topic.test(x) && overall.test(x) && /\d+[.,]\d+/.test(x) && !/^\s*tabel/i.test(x));
    if (hit) return t(c, `Menurut teks laporan (hal. ${d.page}): "${plain(clipText(hit, 300))}" [${d.ref}]`, `The report's text says (p. ${d.page}): "${plain(clipText(hit, 300))}" [${d.ref}]`);
  }
  return null;
}

/** The figure printed most often among facts, with its first place. */
function commonest(fs: Fact[]): string {
  const groups = new Map<string, Fact[]>();
  for (const f of fs) {
    const k = f.value !== null ? String(f.value) : f.text;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const best = [...groups.values()].sort((a, b) => b.length - a.length)[0]!;
  return `${plain(best[0]!.text)} [${best[0]!.id}]`;
}

function cites(fs: Fact[]): string {
  return commonest(fs);
}

const ADDS_UP = /\b(dijumlah\w*|menjumlah\w*|penjumlahan|add(s|ed)? up|sum of|sums?|jumlah baris|baris-barisnya|match the totals|totals? it prints|sama dengan jumlah|(?:sesuai|sama|cocok)\s+(?:dengan\s+)?(?:jumlah|total)\s+(?:sub ?kegiatan|kegiatan|program|rincian|baris)\w*)\b/i;

/**
 * "Do the program budgets in Tabel 3 add up?": the sum findings about the table the question names
 * (or the figure it states), each with the printed and the recomputed total and its rows; null when
 * none is named, for the findings answerer's overview.
 */
function sumCheck(u: Understood, c: Ctx): GroundedAnswer | null {
  const sums = c.findings.filter((f) => ['sum-rows', 'sum-hierarchy', 'belanja-total', 'serapan', 'sisa', 'efisiensi'].includes(f.check) && f.severity !== 'info');
  const labelOf = (table: string | null | undefined) => c.fx.tables.find((tp) => tp.id === table)?.label ?? null;
  const scored = sums
    .map((f) => {
      let score = 0;
      if (u.asserted.some((a) => f.printed && sameFigure(a, f.printed.text))) score += 3;
      if (u.tableLabels.some((l) => f.citations.some((x) => labelOf(x.table) === l))) score += 2;
      if (!u.asserted.length && !u.tableLabels.length && ['sum-rows', 'sum-hierarchy', 'belanja-total'].includes(f.check)) score += 0.5;
      if (/\b(bab ii|bab 2|chapter ii)\b/i.test(u.question) && f.citations.some((x) => x.page <= 8)) score += 0.5;
      return { f, score };
    })
    .filter((x) => x.score >= 1)
    .sort((a, b) => b.score - a.score);
  if (!scored.length || (scored[0]!.score < 2 && scored.filter((x) => x.score === scored[0]!.score).length > 1)) return null;
  const top = scored.filter((x) => x.score === scored[0]!.score).slice(0, 2).map((x) => x.f);
  const lines = [t(c, 'Tidak cocok:', 'No, they do not match:')];
  for (const f of top) {
    lines.push(`- ${plain(clipText(f.message[c.lang], 260))} [${f.id}]`);
    const ops = f.expected?.operands.slice(0, 6).map((o) => `${plain(o.name)} ${plain(o.text)}${o.cite?.cell ? ` [${o.cite.cell}]` : ''}`) ?? [];
    if (ops.length) lines.push(`  ${t(c, 'Baris', 'Rows')}: ${ops.join('; ')}${(f.expected?.operands.length ?? 0) > 6 ? ' …' : ''}`);
  }
  return { intent: 'check', text: lines.join('\n') };
}

function tableAnswer(u: Understood, c: Ctx): GroundedAnswer {
  const found = c.fx.table(u.tableLabel!);
  if (!found.length) {
    return { intent: 'absent', text: t(c, `Laporan tidak memuat Tabel ${u.tableLabel}.`, `The report does not contain a Table ${u.tableLabel}.`) };
  }
  const lines = found.map((tp) => `${tableName(tp)} — ${pagesText(c, tp.pages)} [${tp.cite}]`);
  if (u.attrs.length) return { intent: 'value', text: lines.join('\n') };
  return { intent: 'value', text: lines.join('\n') };
}

function tableName(tp: TablePlace): string {
  return tp.caption ? `"${plain(clipText(tp.caption, 120))}"` : tp.id;
}

function pagesText(c: Ctx, pages: number[]): string {
  if (!pages.length) return '';
  const first = pages[0]!;
  const last = pages[pages.length - 1]!;
  return pages.length > 1 ? t(c, `hal. ${first}–${last}`, `pp. ${first}–${last}`) : t(c, `hal. ${first}`, `p. ${first}`);
}

const COUNTED: Array<[string, RegExp]> = [
  ['sub_kegiatan', /\bsub[ -]?kegiatan|sub-activit/],
  ['kegiatan', /(?<!sub[ -]?)\bkegiatan\b|(?<!sub-)\bactivities\b/],
  ['program', /\bprogram(me)?s?\b/],
  ['indikator', /\bindikator|\bindicators?\b|\biku\b/],
  ['sasaran', /\bsasaran|\bobjectives?\b|strategic targets?/],
  ['tujuan', /\btujuan\b|\bgoals?\b/],
  ['perubahan_pk', /\b(berapa kali|how many times)\b.*\b(diubah|direvisi|perubahan|revisi|revised|changed|amended)\b/],
];
// "Not reaching" a bound is being below it: a negation before a verb of reaching ("belum sampai
// 100%", "tidak mencapai", "didn't reach", "fell short of").
const LESS = /\b(below|under|less than|lower than|di bawah|kurang dari|lebih rendah dari|(?:tidak|belum|not|didn't|did not|never|failed to|fail to)\s+(?:mencapai|capai|sampai|reach(?:ed)?|hit|meet|met|make)|fell short of|short of)\b/;
const MORE = /\b(above|over|more than|higher than|exceed\w*|di atas|lebih dari|melebihi|lebih tinggi dari)\b/;

/** How many: what the report states, what its tables list, and a count-claim finding when they differ; or a count of lines meeting a condition. */
function countAnswer(u: Understood, c: Ctx): GroundedAnswer | null {
  const q = u.question.toLowerCase();
  const changed = countChanged(u, c);
  if (changed) return changed;
  const conditional = countWhere(u, c);
  if (conditional) return conditional;
  const what = COUNTED.filter(([, re]) => re.test(q)).map(([k]) => k);
  if (what.includes('sub_kegiatan') && !/(?<!sub[ -]?)\bkegiatan\b|(?<!sub-)\bactivities\b/.test(q.replace(/sub[ -]?kegiatan|sub-activit\w*/g, ''))) what.splice(what.indexOf('kegiatan'), what.includes('kegiatan') ? 1 : 0);
  const children = childrenOf(u, c);
  if (children) return children;
  const lines: string[] = [];
  for (const kind of what.length ? what : countedNamed(u, c)) {
    const claims = c.fx.facts.filter((f) => f.attr === 'count' && f.entity.key === `counted:${kind}`);
    const label = t(c, kind === 'perubahan_pk' ? 'Perubahan Perjanjian Kinerja' : `Jumlah ${kind.replace('_', ' ')}`, kind === 'perubahan_pk' ? 'Revisions of the Perjanjian Kinerja' : `Number of ${englishCounted(kind)}`);
    if (claims.length) lines.push(groupLine(c, `${label} ${t(c, 'menurut teks laporan', 'stated in the text')}`, claims.map((f) => (kind === 'perubahan_pk' ? { ...f, text: `${f.text} ${t(c, 'kali', 'times')}` } : f)), false));
    const listed = listedItems(u, c, kind);
    if (listed) lines.push(listed);
    if (kind === 'perubahan_pk') {
      const dated = c.report.claims.filter((x) => x.kind === 'mention' && x.entity === 'perubahan_pk');
      if (dated.length) lines.push(t(c, `Perubahan bertanggal yang disebut laporan (${dated.length}): `, `Dated revisions the report names (${dated.length}): `) + dated.slice(0, 6).map((x) => `${plain('value' in x ? String(x.value) : '')} [${x.id}]`).join('; '));
    }
    if (!claims.length && !listed && kind !== 'perubahan_pk') lines.push(t(c, `Laporan tidak memuat jumlah ${kind.replace('_', ' ')}.`, `The report does not state the number of ${englishCounted(kind)}.`));
  }
  if (!lines.length) {
    const rows = tableRowCount(u, c);
    if (rows) return rows;
    const said = proseCount(u, c);
    if (said) return { intent: 'count-claims', text: said };
    // "Jumlah pengaduan …" may be an indicator's own name: its figures answer.
    // Only an indicator that counts ("Jumlah …", "Banyaknya …", "Number of …"), not any line the words touch.
    const counting = [...c.fx.entities.values()].some((e) => e.kind === 'indicator' && /^(jumlah|banyaknya|number of)\b/i.test(e.name));
    const named = counting ? factAnswer({ ...u, kind: 'value', attrs: [], entityKinds: ['indicator'] }, c) : null;
    if (named && named.intent === 'value' && /^(?:\S+ )?(?:Jumlah|Banyaknya|Number of)\b/i.test(named.text)) return named;
    // The counted noun: the word after "berapa / how many", and the next one unless it is a function word.
    const after = /\b(?:how many|number of|ada berapa|berapa(?:\s+(?:banyak|jumlah))?|jumlah)\s+([\p{L}]+)(?:\s+([\p{L}]+))?/u.exec(u.question.toLowerCase());
    const second = after?.[2] && !PARTICLE.test(after[2]) && analyze(after[2]).length && !analyze(after[2]).every((w) => STOPWORDS_ID_EN.has(w)) ? ` ${after[2]}` : '';
    const noun = after ? `${after[1]}${second}` : '';
    return { intent: 'absent', text: t(c, `Laporan tidak memuat jumlah ${noun.replace(/\s+(di|pada|dalam)$/, '')}.`, `The report does not state the number of ${noun.replace(/\s+(in|at|of)$/, '')}.`) };
  }
  const fs = c.findings.filter((f) => f.check === 'count-claim' && what.some((k) => new RegExp(k.replace('_', '.?'), 'i').test(`${f.message.id} ${f.subject ?? ''}`)));
  for (const f of fs.slice(0, 3)) lines.push(`${t(c, 'Temuan', 'Finding')}: ${plain(clipText(f.message[c.lang], 220))} [${f.id}]`);
  return { intent: 'count-claims', text: lines.join('\n') };
}

/** The lines of a kind a table lists: the tables the question names, else the one listing the most. */
function listedItems(u: Understood, c: Ctx, kind: string): string | null {
  type Item = { name: string; table: string; id: string; figure: string | null };
  const items: Item[] = [];
  if (kind === 'program' || kind === 'kegiatan' || kind === 'sub_kegiatan') {
    for (const b of c.report.budget) if (b.level === kind) items.push({ name: b.uraian, table: b.table, id: b.pagu?.cite.cell ?? b.id, figure: b.pagu?.text ?? null });
  } else if (kind === 'indikator' && /\b(efisiensi|efficiency)\b/i.test(u.question)) {
    for (const e of c.report.efficiency) items.push({ name: e.uraian, table: e.table, id: e.efisiensi?.cite.cell ?? e.id, figure: e.efisiensi?.text ?? null });
  } else if (kind === 'indikator') {
    for (const i of c.report.indicators) if (!i.id.endsWith('.prev') && i.tableKind !== 'pk') items.push({ name: i.indikator, table: i.table, id: i.capaian?.cite.cell ?? i.id, figure: i.capaian?.text ?? null });
  } else return null;
  const byTable = new Map<string, Item[]>();
  for (const it of items) {
    const list = byTable.get(it.table) ?? [];
    if (!list.some((x) => x.name.toLowerCase() === it.name.toLowerCase())) list.push(it);
    byTable.set(it.table, list);
  }
  const label = (id: string) => c.fx.tables.find((tp) => tp.id === id);
  let tables = [...byTable.keys()];
  const named = u.tableLabels.length ? tables.filter((id) => u.tableLabels.includes(label(id)?.label ?? '')) : [];
  if (named.length) tables = named;
  else tables = tables.sort((a, b) => byTable.get(b)!.length - byTable.get(a)!.length).slice(0, 1);
  if (!tables.length) return null;
  return tables
    .map((id) => {
      const list = byTable.get(id)!;
      const tp = label(id);
      const where = tp?.label ? `${t(c, 'Tabel', 'Table')} ${tp.label}` : t(c, 'tabel', 'the table');
      const shown = list.slice(0, 6).map((x) => `${plain(clipText(x.name, 70))}${x.figure ? ` ${plain(x.figure)}` : ''} [${x.id}]`);
      const more = list.length > 6 ? t(c, `; dan ${list.length - 6} lainnya`, `; and ${list.length - 6} more`) : '';
      return t(c, `${where} (${pagesText(c, tp?.pages ?? [])}) mencantumkan ${list.length} ${kind.replace('_', ' ')}: ${shown.join('; ')}${more}.`, `${where} (${pagesText(c, tp?.pages ?? [])}) lists ${list.length} ${englishCounted(kind)}: ${shown.join('; ')}${more}.`);
    })
    .join('\n');
}

/** "Which kegiatan fall under Program X": the lines printed under a named line. */
function childrenOf(u: Understood, c: Ctx): GroundedAnswer | null {
  const m = /\b(under|di bawah|dalam|pada|of)\s+(?:the\s+)?(program(?:me)?\b.*)$/i.exec(u.question.replace(/[?,.]\s*(and|dan)\b.*$/i, ''));
  if (!m) return null;
  const terms = u.terms;
  const parents = matchFacts(c.fx, c.retriever, terms, ['program']);
  const best = parents[0];
  if (!best || best.score < WEAK || best.covered < 0.5) return null;
  const rows = c.report.budget.filter((b) => `budget:${b.key}` === best.entity.key || best.entity.names.some((n) => n.toLowerCase() === b.uraian.toLowerCase()));
  const direct = c.report.budget.filter((b) => rows.some((r) => b.parentId === r.id));
  // The level the question counts, named before "under": sub-kegiatan are the children's children.
  const before = u.question.slice(0, m.index).toLowerCase();
  const level = /sub[ -]?kegiatan|sub-?activit/.test(before) ? 'sub_kegiatan' : /kegiatan|activit/.test(before) ? 'kegiatan' : null;
  const descendants = (ps: typeof rows): typeof rows => {
    const next = c.report.budget.filter((b) => ps.some((r) => b.parentId === r.id));
    return next.length ? [...next, ...descendants(next)] : [];
  };
  const kids = level ? descendants(rows).filter((b) => b.level === level) : direct;
  if (!kids.length) return null;
  const distinct = kids.filter((k, i) => kids.findIndex((x) => x.uraian.toLowerCase() === k.uraian.toLowerCase()) === i);
  const shown = distinct.slice(0, 8).map((k) => `${k.kode ? `${plain(k.kode)} ` : ''}${plain(clipText(k.uraian, 80))} [${k.pagu?.cite.cell ?? k.id}]`);
  return {
    intent: 'count-claims',
    text: level
      ? t(c, `${plain(best.entity.name)} memuat ${distinct.length} ${level === 'sub_kegiatan' ? 'sub kegiatan' : 'kegiatan'}: ${shown.join('; ')}${distinct.length > 8 ? ' …' : ''}.`, `${plain(best.entity.name)} has ${distinct.length} ${level === 'sub_kegiatan' ? 'sub-activities' : 'activities'}: ${shown.join('; ')}${distinct.length > 8 ? ' …' : ''}.`)
      : t(c, `${plain(best.entity.name)} memuat ${distinct.length} baris di bawahnya: ${shown.join('; ')}${distinct.length > 8 ? ' …' : ''}.`, `${plain(best.entity.name)} has ${distinct.length} lines under it: ${shown.join('; ')}${distinct.length > 8 ? ' …' : ''}.`),
  };
}

const SUPERLATIVE = /\b(largest|biggest|highest|greatest|most|smallest|lowest|least|terbesar|tertinggi|terkecil|terendah|paling (besar|tinggi|kecil|rendah|banyak|sedikit))\b/i;

/** "Which program has the largest budget": the lines of a kind ranked by one figure, from the table printing most of them. */
function rankAnswer(u: Understood, c: Ctx): GroundedAnswer | null {
  const low = /\b(smallest|lowest|least|terkecil|terendah|paling (kecil|rendah|sedikit))\b/i.test(expandShorthand(u.question));
  const kinds: EntityKind[] = u.entityKinds.filter((k) => k !== 'total');
  const attr: Attr = u.attrs.find((a) => a !== 'count') ?? (kinds.some((k) => k === 'program' || k === 'kegiatan' || k === 'sub_kegiatan') || u.money ? 'pagu' : 'capaian');
  const kind: EntityKind[] = kinds.length ? kinds : MONEY_ATTRS.includes(attr) || (attr === 'realisasi' && u.money) ? ['program'] : ['indicator'];
  const pool = c.fx.facts.filter((f) => f.attr === attr && f.period === 'current' && kind.includes(f.entity.kind) && f.value !== null && f.variant !== 'rencana' && (!u.tableLabel || f.tableLabel === u.tableLabel));
  const tables = new Map<string, Fact[]>();
  for (const f of pool) tables.set(f.table ?? '', [...(tables.get(f.table ?? '') ?? []), f]);
  const main = [...tables.values()].sort((a, b) => new Set(b.map((f) => f.entity)).size - new Set(a.map((f) => f.entity)).size)[0];
  if (!main || main.length < 2) return null;
  const sorted = [...main].sort((a, b) => (low ? a.value! - b.value! : b.value! - a.value!));
  const [top, next] = sorted;
  const name = ATTR_NAME[attr][c.lang].toLowerCase();
  const where = top!.tableLabel ? ` (${t(c, 'Tabel', 'Table')} ${top!.tableLabel})` : '';
  // "Why is program X the lowest?": a line the question names that is not the one ranked first
  // makes the premise wrong; its own figure and place are said first.
  const named = matchFacts(c.fx, c.retriever, u.terms, kind)[0];
  const own = named && named.score >= WEAK && named.covered >= 0.5 ? sorted.find((f) => f.entity === named.entity) : undefined;
  const premiseWrong = own && own.entity !== top!.entity && own.value !== top!.value ? own : null;
  const wrong = premiseWrong
    ? [t(c, `Tidak. ${plain(premiseWrong.entity.name)} bukan yang ${low ? 'terendah' : 'tertinggi'}: ${name} ${plain(premiseWrong.text)} [${premiseWrong.id}], urutan ${sorted.indexOf(premiseWrong) + 1} dari ${main.length}.`, `No. ${plain(premiseWrong.entity.name)} is not the ${low ? 'lowest' : 'highest'}: ${name} ${plain(premiseWrong.text)} [${premiseWrong.id}], ${sorted.indexOf(premiseWrong) + 1} of ${main.length}.`)]
    : [];
  return {
    intent: premiseWrong ? 'correction' : 'value',
    text: [
      ...wrong,
      t(c, `${plain(top!.entity.name)}: ${name} ${plain(top!.text)} [${top!.id}] — ${low ? 'terendah' : 'tertinggi'} dari ${main.length}${where}.`, `${plain(top!.entity.name)}: ${name} ${plain(top!.text)} [${top!.id}] — the ${low ? 'lowest' : 'highest'} of ${main.length}${where}.`),
      ...(next ? [t(c, `Berikutnya: ${plain(next.entity.name)} ${plain(next.text)} [${next.id}].`, `Next: ${plain(next.entity.name)} ${plain(next.text)} [${next.id}].`)] : []),
      // A first place the audit finds wrongly printed: its finding, with the recomputed figure.
      ...wrongNotes(c, [top!]),
    ].join('\n'),
  };
}

/** "How many indicators have a capaian below 100%", "… predikat Sangat Tinggi", "sub-kegiatan that spent more than their pagu". */
function countWhere(u: Understood, c: Ctx): GroundedAnswer | null {
  const q = expandShorthand(u.question.toLowerCase());
  const overBudget = /\b(spent more than|melebihi|over|exceed\w*|lebih dari)\b[^?]{0,30}\b(pagu|budget|anggaran)/.test(q);
  // Indicators above or below a percentage, no quantity named: their capaian.
  const percentOfIndicators = /%|\bpersen\b|\bpercent\b/.test(u.asserted[0] ?? '') && u.entityKinds.every((k) => k === 'indicator');
  const attr: Attr | undefined = overBudget ? 'serapan' : (u.attrs.find((a) => a === 'capaian' || a === 'predikat' || a === 'realisasi' || a === 'serapan' || a === 'efisiensi') ?? (percentOfIndicators ? 'capaian' : undefined));
  const label = u.assertedLabel;
  const bound = u.asserted[0] !== undefined ? readings(u.asserted[0])[0] : overBudget ? 100 : undefined;
  // A label counts the quantity that prints labels ("Kurang Efisien" an efficiency), else the predikat.
  const labelled = attr !== undefined && c.fx.facts.some((f) => f.attr === attr && f.unit === 'text');
  if (!attr || (bound === undefined && !label) || (!label && !LESS.test(q) && !MORE.test(q) && !overBudget)) {
    if (!label || (attr !== 'predikat' && !labelled)) return null;
  }
  const test = (f: Fact): boolean => {
    if (label && (attr === 'predikat' || !bound)) return f.text.toLowerCase().replace(/\s+/g, ' ').trim() === label;
    const v = f.value ?? readings(f.text.match(FIGURE_TOKEN)?.[0] ?? '')[0];
    if (v === undefined || v === null || bound === undefined) return false;
    return LESS.test(q) ? v < bound : v > bound;
  };
  const kinds: EntityKind[] = u.entityKinds.filter((k) => k !== 'total');
  const pool = c.fx.facts.filter((f) => f.attr === (label && !bound && !labelled ? 'predikat' : attr) && (!label || !!bound || f.unit === 'text') && f.period === 'current' && (kinds.length ? kinds.includes(f.entity.kind) : f.entity.kind === 'indicator') && (!u.tableLabel || f.tableLabel === u.tableLabel));
  // One figure per line: the table printing the most of them.
  const tables = new Map<string, Fact[]>();
  for (const f of pool) tables.set(f.table ?? '', [...(tables.get(f.table ?? '') ?? []), f]);
  const main = [...tables.values()].sort((a, b) => b.length - a.length)[0] ?? [];
  const hits = main.filter(test);
  const what = kinds[0] === 'sub_kegiatan' ? t(c, 'sub kegiatan', 'sub-kegiatan') : kinds[0] === 'kegiatan' ? 'kegiatan' : kinds[0] === 'program' ? 'program' : t(c, 'indikator', 'indicators');
  // A predikat is given with the capaian its row prints: the figure the label stands for.
  const capaianOf = (f: Fact): string => {
    if (f.attr !== 'predikat') return '';
    const cap = sameRow(c, [f]).find((x) => x.attr === 'capaian' && x.entity === f.entity);
    return cap ? `capaian ${plain(cap.text)} [${cap.id}], ` : '';
  };
  const list = hits.slice(0, 8).map((f) => `${plain(clipText(f.entity.name, 70))} ${capaianOf(f)}${plain(f.text)} [${f.id}]`);
  return {
    intent: 'count-claims',
    text: t(c, `${hits.length} dari ${main.length} ${what}${main[0]?.tableLabel ? ` di Tabel ${main[0].tableLabel}` : ''}: ${list.join('; ') || '—'}.`, `${hits.length} of ${main.length} ${what}${main[0]?.tableLabel ? ` in Table ${main[0].tableLabel}` : ''}: ${list.join('; ') || '—'}.`),
  };
}

/** "4 Kelurahan": a count the report's text states for a noun its model does not count. */
function proseCount(u: Understood, c: Ctx): string | null {
  const m = /\b(?:how many|berapa (?:banyak |jumlah )?|ada berapa|jumlah|number of)\s+([\p{L}]+)/u.exec(u.question.toLowerCase());
  if (!m) return null;
  const noun = m[1]!;
  const re = new RegExp(`\\b(\\d{1,4})\\s*(\\([^)]{2,30}\\)\\s*)?${noun}\\b`, 'i');
  for (const d of c.retriever.docs.values()) {
    if (d.kind !== 'paragraph') continue;
    const hit = re.exec(d.text);
    if (hit) {
      const at = Math.max(0, hit.index - 120);
      return t(c, `Menurut laporan (hal. ${d.page}): "…${plain(d.text.slice(at, hit.index + hit[0].length + 60))}…" [${d.ref}]`, `The report says (p. ${d.page}): "…${plain(d.text.slice(at, hit.index + hit[0].length + 60))}…" [${d.ref}]`);
    }
  }
  return null;
}

function countedNamed(u: Understood, c: Ctx): string[] {
  const q = u.question.toLowerCase();
  const out: string[] = [];
  for (const e of c.fx.entities.values()) {
    if (e.kind !== 'counted') continue;
    if (e.names.some((n) => q.includes(n.toLowerCase()))) out.push(e.key.slice('counted:'.length));
  }
  return out;
}

function englishCounted(what: string): string {
  return ({ program: 'programs', kegiatan: 'activities (kegiatan)', sub_kegiatan: 'sub-activities (sub kegiatan)', indikator: 'indicators', sasaran: 'objectives (sasaran)', tujuan: 'goals (tujuan)', perubahan_pk: 'revisions of the PK' } as Record<string, string>)[what] ?? what;
}

/** The attributes an entity kind is asked about when the question names none. */
function defaultAttrs(kind: EntityKind): Attr[] {
  if (kind === 'indicator') return ['target', 'realisasi', 'capaian'];
  if (kind === 'report') return ['name', 'year'];
  if (kind === 'average') return ['capaian'];
  if (kind === 'counted') return ['count'];
  return ['pagu', 'realisasi'];
}

function preferredKinds(u: Understood): EntityKind[] {
  if (/\b(belanja|expenditure|spending)\b/i.test(u.question) && !u.entityKinds.some((k) => k === 'program' || k === 'kegiatan' || k === 'sub_kegiatan')) return ['belanja', 'total'];
  const kinds = u.entityKinds.filter((k) => k !== 'total' || !u.terms.length);
  if (kinds.length) return kinds.includes('indicator') ? kinds : [...kinds, ...(kinds.includes('total') ? ['belanja' as const] : [])];
  if (u.attrs.some((a) => MONEY_ATTRS.includes(a)) || (u.money && u.attrs.includes('realisasi'))) return BUDGET_KINDS;
  if (u.attrs.some((a) => INDICATOR_ATTRS.includes(a))) return ['indicator', 'average'];
  return [];
}

/** The words of the office's name ("dinas", "lingkungan", "hidup"), function words aside. */
function officeWordsOf(c: Ctx): string[] {
  return (c.fx.entities.get('report')?.names[0] ?? '').toLowerCase().split(/[^\p{L}]+/u).filter((w) => w && !/^(dan|dari|di|ke|the|of|and)$/.test(w));
}

/**
 * An acronym the question writes ("IKLH", "(SPM)") that the report prints nowhere — in no name, no
 * cell, no sentence, not as its office's initials — names something the report does not have.
 */
function unknownAcronym(u: Understood, c: Ctx): string | null {
  const officeWords = officeWordsOf(c);
  for (const m of u.question.matchAll(/(?<![\p{L}\d])([A-Z]{3,7})(?![\p{L}\d])/gu)) {
    const a = m[1]!.toLowerCase();
    if (shortens(a, officeWords)) continue;
    if ((c.fx.vocabulary.get(a) ?? 0) > 0 || c.fx.facts.some((f) => f.text.toLowerCase().includes(a))) continue;
    // Printed, or the initials of consecutive words of a name ("RTH" for "… ruang terbuka hijau …").
    const initials = (n: string) => n.split(/[^\p{L}]+/u).filter((w) => w && !/^(dan|yang|di|ke|dari|untuk|pada|terhadap|dalam|of|the|and)$/i.test(w)).map((w) => w[0]!.toLowerCase()).join('');
    if ([...c.fx.entities.values()].some((e) => e.terms.has(a) || e.names.some((n) => new RegExp(`\\b${a}\\b`, 'i').test(n) || initials(n).includes(a)))) continue;
    if (c.fx.tables.some((tp) => tp.caption && new RegExp(`\\b${a}\\b`, 'i').test(tp.caption))) continue;
    if (c.retriever.expansionOf(a)) continue;
    return m[1]!;
  }
  return null;
}

function factAnswer(asked: Understood, c: Ctx): GroundedAnswer | null {
  const acronym = asked.kind !== 'location' ? unknownAcronym(asked, c) : null;
  if (acronym) {
    return { intent: 'absent', text: t(c, `Laporan tidak menyebut ${acronym}: tidak ada indikator, program, kegiatan atau kalimat yang memuatnya.`, `The report does not mention ${acronym}: no indicator, program, activity or sentence prints it.`) };
  }
  // Words naming the office itself, or the report's own vocabulary that names no line, name nothing to look up.
  const self = c.fx.entities.get('report');
  const lines0 = [...c.fx.entities.values()].filter((e) => e.kind !== 'report');
  const officeWords = officeWordsOf(c);
  const office = (x: string) => (!!self?.terms.has(x) || shortens(x, officeWords)) && !lines0.some((e) => e.terms.has(x));
  // The place the office is in ("Kota Dumai") names no line either.
  const place = new Set(analyze(c.report.report.pemda ?? ''));
  // Function words ("secara", "sih", "each") name a line only where a line's name has them.
  const functionWord = (x: string) => STOPWORDS_ID_EN.has(x) && !lines0.some((e) => e.terms.has(x));
  const optional = new Set(asked.terms.filter((x) => office(x) || place.has(x) || functionWord(x) || ((c.fx.vocabulary.get(x) ?? 0) >= 3 && !lines0.some((e) => e.terms.has(x)))));
  // A question naming only the office and its place ("the budget of Kecamatan Dumai Barat") asks
  // about the whole report, even where a line's name repeats the office's. A question naming a kind
  // of line ("Program Pencatatan Sipil", "Belanja Pegawai BKPSDM") names a line, printed or not.
  const ownName = (x: string) => !!self?.terms.has(x) || shortens(x, officeWords) || place.has(x);
  const kindWords = new Set(analyze('program kegiatan sub belanja'));
  const namesLine = lines0.some((e) => e.kind !== 'total' && [...e.terms].every((x) => kindWords.has(x) || asked.terms.includes(x)) && asked.terms.every((x) => e.terms.has(x)));
  if (asked.entityKinds.every((k) => k === 'total') && !namesLine && asked.terms.some(ownName) && asked.terms.every((x) => ownName(x) || optional.has(x))) for (const x of asked.terms) optional.add(x);
  // Chat words ("quick", "says") name nothing — unless they are all the question names ("auditor").
  const unknown = asked.terms.filter((x) => !optional.has(x) && unknownWord(c, x, lines0));
  const df = (x: string) => lines0.filter((e) => e.terms.has(x)).length;
  const telling = asked.terms.some((x) => !optional.has(x) && !unknown.includes(x) && df(x) <= Math.max(2, lines0.length * 0.15));
  if (telling) for (const x of unknown) optional.add(x);
  const u: Understood = { ...asked, terms: asked.terms.filter((x) => !optional.has(x)) };
  const kinds = preferredKinds(u);
  let matches: EntityMatch[] = [];
  if (u.terms.length) {
    matches = matchFacts(c.fx, c.retriever, u.terms, kinds, optional);
    const any = matchFacts(c.fx, c.retriever, u.terms, [], optional);
    // A name matched much better outside the preferred kinds wins (a program asked for its "capaian").
    // …unless the question names the kind itself ("Belanja Pegawai" is a belanja line or nothing).
    if (any[0] && (!matches[0] || any[0].score > matches[0].score + 0.25) && !u.entityKinds.includes('belanja')) matches = any;
  } else if (u.entityKinds.includes('average')) {
    // "Rata-rata capaian kinerja": the means the report prints (in a table or its efficiency statement).
    matches = [...c.fx.entities.values()].filter((e) => e.kind === 'average').map((entity) => ({ entity, score: 1, covered: 1 }));
  } else if (kinds.includes('total') || (kinds === BUDGET_KINDS && u.attrs.length)) {
    // The budget's total, unless the question speaks of spending by type (belanja).
    const belanja = kinds.includes('belanja') && !kinds.includes('program') && (u.entityKinds.includes('belanja') || /\b(belanja|expenditure|spending)\b/i.test(u.question));
    matches = [...c.fx.entities.values()].filter((e) => e.kind === 'total' && e.key.startsWith('belanja:') === belanja).map((entity) => ({ entity, score: 1, covered: 1 }));
  }
  if (u.kind === 'location' && (!matches[0] || matches[0].score < SURE || /\b(tabel|table|lampiran|attachment|breakdown|rincian)\b/i.test(u.question))) {
    const place = captionAnswer(asked, c);
    if (place) return place;
  }
  const split = splitEntities(u, c, kinds);
  if (split) return split;
  let best = matches[0];
  // "JUMLAH realisasi … 9.403.309.255, benar?": a figure the words name no line for; where it is printed names it.
  // …or names a line that prints no such figure, while the report's text prints it beside the question's words.
  const printsNone = !!best && distinctive(u).length > 0 && !c.fx.about(best.entity).some((f) => distinctive(u).some((a) => sameFigure(a, f.text)));
  if (printsNone && !c.fx.facts.some((f) => distinctive(u).some((a) => sameFigure(a, f.text)))) {
    const said = figureInText(u, c, true);
    if (said) return said;
  }
  // A stated figure the named line does not print but other lines do: the figure is another line's.
  if (printsNone && best && best.score >= SURE && (u.kind === 'check' || u.kind === 'explanation')) {
    // One line indexed twice (a belanja line and its budget row) is one line; totals of two tables are one total.
    const same = (e: FactEntity) => e.name.toLowerCase().trim() === best!.entity.name.toLowerCase().trim();
    const whole = (e: FactEntity) => e.kind === 'total' || e.kind === 'average' || e.kind === 'report';
    const held = whole(best.entity) ? [] : figureHolders(u, c).filter((m) => !same(m.entity) && !whole(m.entity));
    const figs = distinctive(u);
    if (held.length === 1) {
      const theirs = c.fx.about(held[0]!.entity).filter((f) => figs.some((a) => sameFigure(a, f.text)));
      const mine = c.fx.facts.filter((f) => same(f.entity) && f.period === 'current' && (u.attrs.length ? u.attrs.includes(f.attr) : true) && f.attr !== 'name');
      return {
        intent: 'correction',
        text: [
          t(c, `Tidak. ${figs.join(', ')} bukan angka ${plain(clipText(best.entity.name, 100))}: angka itu dicetak untuk ${plain(clipText(held[0]!.entity.name, 100))} ${theirs.slice(0, 3).map((f) => `(${ATTR_NAME[f.attr].id.toLowerCase()} ${plain(f.text)}, hal. ${f.page}) [${f.id}]`).join(' ')}.`, `No. ${figs.join(', ')} is not the figure of ${plain(clipText(best.entity.name, 100))}: it is printed for ${plain(clipText(held[0]!.entity.name, 100))} ${theirs.slice(0, 3).map((f) => `(${ATTR_NAME[f.attr].en.toLowerCase()} ${plain(f.text)}, p. ${f.page}) [${f.id}]`).join(' ')}.`),
          ...(mine.length ? [t(c, `Yang dicetak untuk ${plain(clipText(best.entity.name, 80))}: `, `What the report prints for ${plain(clipText(best.entity.name, 80))}: `) + mine.slice(0, 4).map((f) => `${ATTR_NAME[f.attr][c.lang].toLowerCase()} ${plain(f.text)} [${f.id}]`).join('; ')] : [t(c, `Laporan tidak memuat ${u.attrs.map((a) => ATTR_NAME[a].id.toLowerCase()).join(', ') || 'angka itu'} untuk ${plain(clipText(best.entity.name, 80))}.`, `The report does not state the ${u.attrs.map((a) => ATTR_NAME[a].en.toLowerCase()).join(', ') || 'figure'} for ${plain(clipText(best.entity.name, 80))}.`)]),
        ].join('\n'),
      };
    }
  }
  if ((u.kind === 'check' || u.kind === 'explanation') && (!best || best.score < SURE)) {
    const held = figureHolders(u, c);
    if (held.length) [matches, best] = [held, held[0]];
    else {
      const said = figureInText(u, c);
      if (said) return said;
    }
  }
  if (u.variant && u.attrs.some((a) => MONEY_ATTRS.includes(a)) && !(c.fx.facts.some((f) => f.attr === 'pagu' && f.variant === 'original') && c.fx.facts.some((f) => f.attr === 'pagu' && f.variant === 'perubahan'))) {
    return { intent: 'absent', text: t(c, 'Laporan tidak memuat pagu sebelum dan sesudah perubahan secara terpisah: tabel anggarannya mencetak satu kolom pagu.', 'The report does not state the budget before and after the revision separately: its budget tables print one pagu column.') };
  }
  if ((!best || best.score < WEAK) && !u.attrs.length && u.kind === 'value') {
    const place = captionAnswer(asked, c);
    if (place) return place;
  }
  if (!best || best.score < WEAK) {
    // Nothing the report prints is named well: not in the report — unless the question names nothing to look up.
    if (!u.terms.length || (u.kind === 'check' && !u.asserted.length)) return null;
    // With no quantity named, words the report's text uses may be found by the text search.
    if (!u.attrs.length && u.terms.every((x) => (c.fx.vocabulary.get(x) ?? 0) > 0 || (!isDomainTerm(x) && unknownWord(c, x, lines0)))) return null;
    return absent(u, c, null, matches[0] ?? null);
  }
  if (best.score < SURE && best.covered < 0.6) return absent(u, c, null, best);
  // A number in the line's own name ("minimal 20 jam pelajaran") asserts nothing.
  const inName = (a: string) => best.entity.names.some((n) => new RegExp(`(^|[^\\d.,])${a.replace(/[.]/g, '\\.')}(?![\\d])`).test(n));
  if (u.asserted.some(inName)) {
    u.asserted = u.asserted.filter((a) => !inName(a));
    if (!u.asserted.length && u.kind === 'check' && !CHECK_WORDS.test(u.question)) u.kind = 'value';
  }
  const all = best.entity.kind === 'total' && !u.terms.length;
  // Lines of the preferred kinds first, then lines of other kinds named as well (a belanja printed as a budget row).
  const others = kinds.length && u.terms.length ? matchFacts(c.fx, c.retriever, u.terms).filter((m) => !kinds.includes(m.entity.kind)) : [];
  const close = all ? matches : [...matches, ...others].filter((m) => m.score >= best.score - 0.15 && m.score >= WEAK);
  // A quarter, semester or month: the reports print yearly figures.
  if (u.subPeriod) return absent(u, c, best.entity, null, c.fx.about(best.entity));
  // An amount in rupiah, or a number of people, asked of an indicator the report measures as a
  // percentage: the report states the share, not the quantity asked.
  const unit = askedUnit(u.question);
  // A percentage indicator: its name says so, or its printed target or realisasi carries a '%'.
  const about = c.fx.about(best.entity).filter((f) => f.period === 'current');
  const percentage = /^(persentase|percentage|prosentase)\b/i.test(best.entity.name.trim()) || about.some((f) => (f.attr === 'target' || f.attr === 'realisasi') && /%/.test(f.text));
  if (unit && best.entity.kind === 'indicator' && percentage) {
    const shares = (['realisasi', 'target'] as const).map((a) => about.find((f) => f.attr === a)).filter((f): f is Fact => Boolean(f));
    const items = shares.map((f) => `${ATTR_NAME[f.attr][c.lang]}: ${plain(f.text)} [${f.id}]`);
    return {
      intent: 'absent',
      text: [
        t(c, `Laporan tidak memuat ${unit === 'rupiah' ? 'nilai dalam rupiah' : 'jumlah orangnya'} untuk ${plain(clipText(best.entity.name, 100))}: indikator itu diukur sebagai persentase.`, `The report does not state ${unit === 'rupiah' ? 'an amount in rupiah' : 'the number of people'} for ${plain(clipText(best.entity.name, 100))}: it measures that indicator as a percentage.`),
        ...(items.length ? [`${t(c, 'Yang dimuat laporan (bukan yang ditanyakan)', 'What the report prints (not what was asked)')}: ${items.join('; ')}`] : []),
      ].join('\n'),
    };
  }
  // A table named for a line it does not print: the premise is wrong; say where the line is printed.
  // A reference table (a scale of ratings) shares no line with the others: naming it says by what
  // rule, not where the line is printed.
  if (u.tableLabel && isReference(c, u.tableLabel)) u.tableLabel = null;
  if (u.tableLabel && c.fx.table(u.tableLabel).length && best.score >= SURE) {
    const mine = close.length ? close : [best];
    const facts = mine.flatMap((m) => c.fx.about(m.entity)).filter((f) => f.table && (u.attrs.length ? u.attrs.includes(f.attr) : true));
    if (facts.length && !facts.some((f) => f.tableLabel === u.tableLabel)) {
      const shown = facts.filter((f) => f.period === 'current').slice(0, 4);
      return {
        intent: 'correction',
        text: [
          t(c, `Tidak. Tabel ${u.tableLabel} tidak memuat ${plain(clipText(best.entity.name, 100))}; baris itu dicetak di tabel lain:`, `No. Table ${u.tableLabel} does not list ${plain(clipText(best.entity.name, 100))}; that line is printed in another table:`),
          ...shown.map((f) => `- ${ATTR_NAME[f.attr][c.lang]}: ${plain(f.text)} — ${t(c, 'hal.', 'p.')} ${f.page}${f.tableLabel ? ` (${t(c, 'Tabel', 'Table')} ${f.tableLabel})` : f.caption ? ` (${plain(clipText(f.caption, 60))})` : ''} [${f.id}]`),
        ].join('\n'),
      };
    }
  }
  // A question naming no quantity must name its line fully; otherwise it is left to the search answerer.
  if (!u.attrs.length && best.covered < 0.75 && u.kind === 'value') return null;
  // A budget line's "capaian" is its % of the budget spent (tables head that column "Capaian (%)").
  const budgetLine = BUDGET_KINDS.includes(best.entity.kind) && !c.fx.about(best.entity).some((f) => f.attr === 'capaian');
  const attrs = u.attrs.filter((a) => a !== 'count').map((a) => (a === 'capaian' && budgetLine ? 'serapan' : a));
  const wanted = attrs.length ? [...new Set(attrs)] : defaultAttrs(best.entity.kind);
  const variants: Array<'original' | 'perubahan' | null> = u.variants.length > 1 ? u.variants : [u.variant];
  const years: Array<number | null> = u.years.length > 1 ? u.years : [u.year];
  const slices = variants.flatMap((variant) => years.map((year) => ({ variant, year })));

  const verdict = checkPremise({ u, fx: c.fx, lang: c.lang, entity: best.entity, facts: (attr, o) => pick(close, c, attr, { ...u, period: o.period ?? null, year: o.year ?? null, variant: o.variant ?? null, tableLabel: null, page: null }, all)?.facts ?? [] });
  if (verdict && !verdict.holds) {
    const context = rowContext(c, verdict.facts, []);
    // An indicator's capaian this year, when the figures that decide the premise do not show it.
    const cap = best.entity.kind === 'indicator' && !verdict.facts.some((f) => f.attr === 'capaian') && !context.some((l) => /capaian/i.test(l)) ? pick(close, c, 'capaian', { ...u, period: 'current', year: null, variant: null, tableLabel: null, page: null }, all) : null;
    const capLine = cap?.facts.length ? [groupLine(c, label(c, 'capaian', cap.entity, { ...u, period: 'current', year: null }, cap.facts), cap.facts, false)] : [];
    const diff = DIFFERENCE.test(expandShorthand(u.question.toLowerCase())) && verdict.facts.length >= 2 ? [differenceLine(c, verdict.facts[0]!, verdict.facts[1]!)] : [];
    return { intent: 'correction', text: [t(c, `Tidak. ${verdict.text}`, `No. ${verdict.text}`), ...diff, ...context, ...capLine, ...wrongNotes(c, verdict.facts)].join('\n') };
  }
  const lines: string[] = [];
  const used: Fact[] = [];
  const missing: Attr[] = [];
  let lead: FactEntity = best.entity;
  const sliced: Fact[][] = [];
  // "Is it consistent with the lampiran?": every table's copy of the figure, versioned or not.
  const across = CROSS_TABLE.test(u.question);
  for (const attr of wanted) {
    for (const slice of slices) {
      const one = { ...u, ...slice, period: slices.length > 1 && slice.year !== null ? null : u.period, ...(across ? { tableLabel: null } : {}) };
      const found = pick(close, c, attr, one, all);
      if (found && across) found.facts.push(...c.fx.about(found.entity).filter((f) => f.attr === attr && !f.variant && f.period === (one.period ?? 'current') && !found.facts.includes(f)));
      // A budget version asked of a line printed only in tables that name none, while the report's
      // tables of that version list other lines of its kind: the report does not print it for this line.
      const unversioned = !!found && !!one.variant && found.facts.every((f) => !f.variant) && c.fx.facts.some((f) => f.attr === attr && f.variant === one.variant && f.entity.kind === found.entity.kind && f.entity !== found.entity);
      if (!found || unversioned) {
        missing.push(attr);
        continue;
      }
      if (!used.length) lead = found.entity;
      if (attr === wanted[0]) sliced.push(found.facts);
      used.push(...found.facts);
      lines.push(groupLine(c, label(c, attr, found.entity, one, found.facts), found.facts, u.kind === 'location'));
    }
  }
  // "Naik apa turun, selisihnya berapa?": the change between the two slices, computed from the figures shown.
  if (slices.length === 2 && sliced.length === 2 && DIFFERENCE.test(expandShorthand(u.question.toLowerCase()))) {
    const both = pairOf(sliced[0]!, sliced[1]!);
    if (both) lines.push(differenceLine(c, both[0], both[1]));
  }
  if (!used.length && u.kind !== 'explanation' && !verdict) return absent(u, c, best.entity, null, c.fx.about(best.entity));

  if ((u.kind === 'check' || u.kind === 'explanation') && (u.asserted.length || u.assertedLabel) && used.length) {
    const checked = premise(u, c, lead, used, [...lines, ...rowContext(c, used, wanted)]);
    if (checked.intent === 'correction' || u.kind === 'check') return checked;
  }
  const notes = [...wrongNotes(c, used), ...footnotes(c, [...used, ...sameRow(c, used)])];
  const context = rowContext(c, used, wanted);
  const gone = [...new Set(missing)];
  const gaps = gone.length && attrs.length && u.kind !== 'explanation' ? [t(c, `Laporan tidak memuat ${gone.map((a) => ATTR_NAME[a].id.toLowerCase()).join(', ')} untuk ${plain(clipText(lead.name, 80))}; yang dimuat:`, `The report does not state the ${gone.map((a) => ATTR_NAME[a].en.toLowerCase()).join(', ')} for ${plain(clipText(lead.name, 80))}; it prints:`)] : [];
  const confirmed = verdict ? [t(c, `Ya. ${verdict.text}`, `Yes. ${verdict.text}`)] : [];
  if (u.kind === 'explanation') {
    const why = reasons(c, u, lead);
    if (!used.length && !why.length && !verdict) return null;
    return { intent: 'explanation', text: [...confirmed, ...lines, ...context, ...notes, ...why].join('\n') };
  }
  // What is asked but not printed is said first, then what is printed.
  return { intent: u.kind === 'check' ? 'check' : 'value', text: [...confirmed, ...gaps, ...lines, ...context, ...notes].join('\n') };
}

const REASON = /\b(penghambat|pendorong|pendukung|kendala|hambatan|disebabkan|dikarenakan|karena|sehingga|menunjukkan|dikategorikan|tergolong|penyebab|faktor|permasalahan|keberhasilan|kegagalan|tidak terserap|belum tercapai|tidak tercapai|belum optimal|alasan|akibat|obstacles?|because of|due to)\b/i;
/** Reasons against (obstacles) and for (drivers): a question asking for one gets those sentences first. */
const AGAINST = /\b(\w*hambat\w*|kendala|obstacles?|held back|hold(?:s|ing)? back|hinder\w*|barriers?|challenges?|problems?|masalah|permasalahan|gagal|kegagalan|fail\w*|tidak (?:mencapai|terserap|tercapai)|belum (?:mencapai|tercapai|optimal)|short)\b/i;
const FOR = /\b(\w*dorong\w*|pendukung|mendukung|drove|drivers?|driven|helped|success\w*|keberhasilan)\b/i;

/**
 * What the report says about why: the paragraphs that name the line (or the question's words, for
 * a total), and the few after them, where the report's reasons usually follow; the sentences that
 * give a reason are quoted with their paragraph ids.
 */
function reasons(c: Ctx, u: Understood, e: FactEntity): string[] {
  const paras = c.fx.paragraphs;
  const general = e.kind === 'report' || e.kind === 'total' || e.kind === 'belanja';
  const seen = new Map<string, number>();
  for (const d of paras) for (const w of d.words) seen.set(w, (seen.get(w) ?? 0) + 1);
  // The words that tell this line apart: not those in most paragraphs.
  const common = (w: string) => (seen.get(w) ?? 0) > paras.length * 0.3;
  // A total or the whole report: the question's own words that some paragraph prints.
  const name = [...(general ? new Set(analyze(u.question).filter((w) => seen.has(w))) : e.terms)].filter((w) => !common(w));
  if (!name.length) return [];
  const scored = paras.map((d, i) => ({ i, score: name.filter((w) => d.words.has(w)).length / name.length }));
  const anchors = scored.filter((x) => x.score >= 0.6).sort((a, b) => b.score - a.score || a.i - b.i).slice(0, 4);
  const quotes: string[] = [];
  const used = new Set<number>();
  for (const a of anchors) {
    for (let j = a.i; j < Math.min(paras.length, a.i + 4); j++) {
      if (used.has(j)) continue;
      const d = paras[j]!;
      const sentences = d.text.replace(/\s+/g, ' ').split(/(?<=[.;:])\s+(?=[A-Z0-9(•])|\s(?=•)/);
      // Within a paragraph about several lines, the reasons after this line's name.
      const named = sentences.findIndex((x) => {
        const ws = new Set(analyze(x));
        return name.filter((w) => ws.has(w)).length / name.length >= 0.6;
      });
      const from = named >= 0 ? named : 0;
      const side = AGAINST.test(u.question) ? AGAINST : FOR.test(u.question) ? FOR : null;
      const after = (test: (x: string) => boolean) => sentences.findIndex((x, k) => k >= from && test(x));
      const sided = side ? after((x) => side.test(x) && REASON.test(x)) : -1;
      const at = sided >= 0 ? sided : side && anchors.length > 1 ? -1 : after((x) => REASON.test(x));
      if (at < 0) continue;
      used.add(j);
      let text = sentences.slice(at, at + 6).join(' ');
      // "… sebagai berikut:" — the list follows in the next paragraph.
      if (/(berikut|following)\s*:?\s*\d*\s*$/i.test(text) && paras[j + 1]) text = `${text} ${paras[j + 1]!.text.replace(/\s+/g, ' ')}`;
      // The first reason is quoted with its whole list (a factor list runs long); the others shorter.
      const quote = clipText(text, quotes.length ? 500 : 1000);
      quotes.push(t(c, `Menurut laporan (hal. ${d.page}): "${plain(quote)}" [${d.id}]`, `The report says (p. ${d.page}): "${plain(quote)}" [${d.id}]`));
      if (quotes.length >= 3) return quotes;
    }
  }
  return quotes;
}

/**
 * A word that tells nothing about what is asked: no line's name has it (or a variant of it), the
 * report never uses it, and it is no term of the domain lexicon — a chat word ("quick", "says",
 * "dong"), not the name of something the report might lack. Such words count only when they match.
 */
function unknownWord(c: Ctx, x: string, lines: FactEntity[]): boolean {
  if (/\d/.test(x) || isDomainTerm(x) || c.retriever.expansionOf(x) || (c.fx.vocabulary.get(x) ?? 0) > 0) return false;
  // An English word in its Indonesian loan spelling ("capacity" → "kapasitas") is a word of the names.
  const loan = loanForm(x);
  return !lines.some((e) => [...e.terms].some((nm) => like(x, nm) || (loan !== x && loan.length >= 5 && like(loan, nm))));
}

/** A word that shortens the office's name: its initials, a contraction, or a syllabic acronym ("dishub" for "Dinas Perhubungan"). */
function shortens(word: string, words: string[]): boolean {
  return abbreviates(word, words) || contracts(word, words) || (/^\p{L}{5,}$/u.test(word) && syllabicPieces(word, words).length > 0);
}

/**
 * True when a word is a contraction of a name: its letters in order through the name's words,
 * starting at a word's first letter and drawing on at least three words ("disdukcapil" for "Dinas
 * Kependudukan dan Pencatatan Sipil").
 */
export function contracts(word: string, words: string[]): boolean {
  if (word.length < 6 || words.length < 3) return false;
  for (let start = 0; start < words.length; start++) {
    if (words[start]![0] !== word[0]) continue;
    let i = 0;
    const used = new Set<number>();
    for (let j = start; j < words.length && i < word.length; j++) {
      const w = words[j]!;
      for (let k = 0; k < w.length && i < word.length; k++) {
        if (w[k] === word[i]) {
          used.add(j);
          i++;
        }
      }
    }
    if (i === word.length && used.size >= 3) return true;
  }
  return false;
}

/**
 * True when a word is built from the starts of consecutive words of a name: "satpol" and "pp" for
 * "Satuan Polisi Pamong Praja", "bkpsdm" for "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia".
 */
export function abbreviates(word: string, words: string[]): boolean {
  if (word.length < 2 || words.length < 2) return false;
  const from = (i: number, j: number, used: number): boolean => {
    if (i === word.length) return used >= 2;
    if (j >= words.length) return false;
    const w = words[j]!;
    for (let k = Math.min(4, w.length, word.length - i); k >= 1; k--) if (word.slice(i, i + k) === w.slice(0, k) && from(i + k, j + 1, used + 1)) return true;
    return false;
  };
  for (let j = 0; j < words.length - 1; j++) if (from(0, j, 0)) return true;
  return false;
}

/**
 * "Realisasi Belanja Operasi dan Belanja Modal": two lines named in one question, each answered,
 * when each part names a different line well and the whole does not name one.
 */
function splitEntities(u: Understood, c: Ctx, kinds: EntityKind[]): GroundedAnswer | null {
  const parts = u.question.split(/\s+(?:dan|and|serta|&)\s+/i);
  if (parts.length < 2 || parts.length > 3) return null;
  const whole = matchFacts(c.fx, c.retriever, u.terms, kinds)[0];
  if (whole && whole.score >= 0.8) return null;
  const sets = parts.map((part) => u.terms.filter((x) => analyze(part).includes(x)));
  if (sets.some((x) => !x.length)) return null;
  const found = sets.map((x) => matchFacts(c.fx, c.retriever, x, kinds)[0]);
  if (found.some((m) => !m || m.score < SURE) || new Set(found.map((m) => m!.entity)).size < found.length) return null;
  const answers = sets.map((x) => factAnswer({ ...u, terms: x }, c));
  if (answers.some((a) => !a || a.intent === 'absent')) return null;
  return { intent: answers[0]!.intent, text: answers.map((a) => a!.text).join('\n') };
}

/** Tables (and attachments) whose caption names what the question asks about: where it is, or that it is empty. */
function captionAnswer(u: Understood, c: Ctx): GroundedAnswer | null {
  const top = captionMatches(u, c, u.kind === 'location');
  if (!top.length) return null;
  if (u.kind !== 'location' && top.every(({ tp }) => !tp.filled)) {
    const tp = top[0]!.tp;
    return { intent: 'absent', text: t(c, `Laporan tidak memuat isinya: ${tableName(tp)} (${pagesText(c, tp.pages)}) [${tp.cite}] dicetak tanpa isi.`, `The report does not state it: ${tableName(tp)} (${pagesText(c, tp.pages)}) [${tp.cite}] is printed empty.`) };
  }
  const lines = top.map(({ tp }) => `${tableName(tp)} — ${pagesText(c, tp.pages)} [${tp.cite}]`);
  return { intent: 'location', text: lines.join('\n') };
}

/**
 * "How many issues does the strategic issues table list?": the rows of the table whose caption the
 * question names, each with its cell; null when no caption is named well or the table lists nothing.
 */
function tableRowCount(u: Understood, c: Ctx): GroundedAnswer | null {
  const top = captionMatches(u, c, false).filter((x) => x.score >= 0.6 && x.tp.items?.length);
  const tp = top[0]?.tp;
  if (!tp?.items) return null;
  const shown = tp.items.slice(0, 8).map((x) => `${plain(clipText(x.text, 80))} [${x.cell}]`);
  const more = tp.items.length > 8 ? t(c, `; dan ${tp.items.length - 8} lainnya`, `; and ${tp.items.length - 8} more`) : '';
  return {
    intent: 'count-claims',
    text: t(c, `${tableName(tp)} (${pagesText(c, tp.pages)}) mencantumkan ${tp.items.length} baris: ${shown.join('; ')}${more}.`, `${tableName(tp)} (${pagesText(c, tp.pages)}) lists ${tp.items.length} rows: ${shown.join('; ')}${more}.`),
  };
}

/** Tables whose caption (and, when locating, header) names the question's words, best first: at most two, each scored 0..1. */
function captionMatches(u: Understood, c: Ctx, locating: boolean): Array<{ tp: TablePlace; score: number }> {
  const office = c.fx.entities.get('report')?.terms ?? new Set<string>();
  const officeWords = officeWordsOf(c);
  const words = analyze(u.question.replace(/["“”]/g, ' ')).filter((x) => !office.has(x) && !/^\d+$/.test(x) && !abbreviates(x, officeWords) && !/^(tabel|table|lampiran|attachment|mana|where|halaman|page|report|laporan|list|lists|memuat|define|ada)$/.test(x));
  if (!words.length) return [];
  // Where a table is, asked by what it holds: its caption, and its header's column labels (a
  // table without a caption, or one whose caption does not name the column asked about: "the Renstra
  // end targets"). A word of the question built from the starts of a caption's words ("PK") is in it.
  const captions = c.fx.tables.filter((tp) => tp.caption || (locating && tp.header));
  const captionWords = new Map(captions.map((tp) => [tp, analyze(tp.caption ?? '')]));
  const rawCaptionWords = new Map(captions.map((tp) => [tp, (tp.caption ?? '').toLowerCase().split(/[^\p{L}]+/u).filter((w) => w && !/^(dan|dari|di|ke|the|of|and|tahun)$/.test(w))]));
  const headerWords = new Map(captions.map((tp) => [tp, locating ? analyze(tp.header ?? '') : []]));
  const inCaption = (tp: TablePlace, w: string): boolean => captionWords.get(tp)!.includes(w) || (locating && /^\p{L}{2,4}$/u.test(w) && abbreviates(w, rawCaptionWords.get(tp)!));
  const df = new Map<string, number>();
  for (const tp of captions) for (const w of new Set([...captionWords.get(tp)!, ...headerWords.get(tp)!])) df.set(w, (df.get(w) ?? 0) + 1);
  const weight = (w: string) => Math.log(1 + captions.length / (df.get(w) ?? 0.5));
  // Words no caption (or header) has cannot tell tables apart.
  const known = words.filter((w) => df.has(w) || (locating && captions.some((tp) => inCaption(tp, w))));
  if (!known.length) return [];
  const total = known.reduce((a, w) => a + weight(w), 0);
  // A column label is weaker evidence than the caption: many tables share "Target" or "Realisasi".
  const HEADER_SHARE = 0.6;
  const scored = captions
    .map((tp) => {
      const header = new Set(headerWords.get(tp));
      const attachment = /\b(attachment|lampiran|appendix|annex)\b/i.test(u.question) && /^\s*lampiran\b/i.test(tp.caption ?? '') ? 0.3 : 0;
      const found = known.reduce((a, w) => a + (inCaption(tp, w) ? weight(w) : header.has(w) ? HEADER_SHARE * weight(w) : 0), 0);
      return { tp, score: found / total + attachment };
    })
    .filter((x) => x.score >= 0.5)
    .sort((a, b) => b.score - a.score || (a.tp.label ? 0 : 1) - (b.tp.label ? 0 : 1));
  return scored.length ? scored.filter((x) => x.score >= scored[0]!.score - 0.05).slice(0, 2) : [];
}

/** The facts of one attribute from the best-named entity that prints it (and its twins: the same name in other tables). */
function pick(close: EntityMatch[], c: Ctx, attr: Attr, u: Understood, all: boolean): { entity: FactEntity; facts: Fact[] } | null {
  for (const m of close) {
    const facts = select(c.fx.about(m.entity), attr, u);
    if (!facts.length) continue;
    if (all) return { entity: m.entity, facts: close.flatMap((x) => select(c.fx.about(x.entity), attr, u)) };
    const twins = close.filter((x) => x !== m && x.entity.kind === m.entity.kind && x.score >= m.score - 0.02).flatMap((x) => select(c.fx.about(x.entity), attr, u));
    return { entity: m.entity, facts: [...facts, ...twins] };
  }
  return null;
}

/** The other figures printed in the row of the first answer (target and capaian beside a realisasi; pagu and % beside a realisasi anggaran). */
function rowContext(c: Ctx, used: Fact[], wanted: Attr[]): string[] {
  // The row that prints the most figures beside the answer (a capaian table rather than the PK).
  const rowOf = (f: Fact) => f.id.replace(/\d+$/, '');
  const width = (f: Fact) => new Set(c.fx.facts.filter((x) => x.id.startsWith(rowOf(f))).map((x) => x.id)).size;
  const cells = used.filter((f) => /^t\d+\.r\d+c\d+$/.test(f.id));
  const first = cells.length ? cells.reduce((a, b) => (width(b) > width(a) ? b : a)) : undefined;
  if (!first) return [];
  const row = first.id.replace(/\d+$/, '');
  const shown = new Set(used.map((f) => f.id));
  const siblings = c.fx.facts.filter((f) => f.id.startsWith(row) && !shown.has(f.id) && !(wanted.includes(f.attr) && f.period === first.period) && f.attr !== 'name' && f.attr !== 'year');
  const seen = new Set<string>();
  const items: string[] = [];
  for (const f of siblings.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }))) {
    const key = `${f.attr}:${f.period}:${f.variant ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const variant = f.variant && f.variant !== 'rencana' && f.attr === 'pagu' ? ` (${f.variant === 'original' ? t(c, 'murni', 'original') : t(c, 'perubahan', 'revised')})` : '';
    const when = f.period !== 'current' ? ` (${PERIOD_NAME[f.period][c.lang]}${f.period === 'previous' && f.year ? ` ${f.year}` : ''})` : '';
    items.push(`${ATTR_NAME[f.attr][c.lang].toLowerCase()}${variant}${when} ${plain(f.text)} [${f.id}]`);
    if (items.length >= 5) break;
  }
  if (!items.length) return [];
  const where = `${first.tableLabel ? `${t(c, 'Tabel', 'Table')} ${first.tableLabel}, ` : ''}${t(c, 'hal.', 'p.')} ${first.page}`;
  return [t(c, `Pada baris yang sama (${where}): ${items.join('; ')}.`, `In the same row (${where}): ${items.join('; ')}.`)];
}

function label(c: Ctx, attr: Attr, e: FactEntity, u: Understood, facts: Fact[]): string {
  const period = u.period && u.period !== 'current' ? PERIOD_NAME[u.period][c.lang] : '';
  const year = facts[0]?.year;
  const when = period ? ` (${period}${year && u.period === 'previous' ? `, ${year}` : ''})` : u.year !== null ? ` (${u.year})` : '';
  const variant = u.variant ? t(c, u.variant === 'original' ? ' (sebelum perubahan)' : ' (setelah perubahan)', u.variant === 'original' ? ' (before the revision)' : ' (after the revision)') : '';
  const attrName = attr === 'realisasi' && e.kind !== 'indicator' ? t(c, 'Realisasi anggaran', 'Budget spent (realisasi)') : ATTR_NAME[attr][c.lang];
  if (e.kind === 'report') return attrName;
  return `${attrName} ${plain(clipText(e.name, 110))}${when}${variant}`;
}

/** One figure and its places; figures printed differently are listed as such. */
function groupLine(c: Ctx, head: string, facts: Fact[], where: boolean): string {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    const key = f.value !== null ? String(Math.round(f.value * 1e6) / 1e6) : f.text.toLowerCase().replace(/\s+/g, ' ');
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const sorted = [...groups.values()].sort((a, b) => b.length - a.length);
  const cites = (fs: Fact[]) => {
    const ordered = [...fs].sort((a, b) => a.page - b.page);
    const unique = ordered.filter((f, i) => ordered.findIndex((x) => x.id === f.id) === i);
    const shown = unique.slice(0, MAX_IDS).map((f) => (where ? `${t(c, 'hal.', 'p.')} ${f.page}${f.tableLabel ? ` (${t(c, 'Tabel', 'Table')} ${f.tableLabel})` : ''} [${f.id}]` : `[${f.id}]`));
    const more = unique.length > MAX_IDS ? t(c, ` (+${unique.length - MAX_IDS} tempat lain)`, ` (+${unique.length - MAX_IDS} more places)`) : '';
    return `${shown.join(where ? ', ' : ' ')}${more}`;
  };
  const show = (fs: Fact[]) => [...new Set(fs.map((f) => plain(f.text)))].slice(0, 1).join(' / ');
  if (sorted.length === 1) {
    const fs = sorted[0]!;
    return where ? `${head}: ${show(fs)} — ${t(c, 'dicetak di', 'printed on')} ${cites(fs)}` : `${head}: ${show(fs)} ${cites(fs)}`;
  }
  const lines = sorted.slice(0, MAX_GROUPS).map((fs) => `  • ${show(fs)} ${cites(fs)}${fs[0]!.caption ? ` — ${plain(clipText(fs[0]!.caption, 60))}` : ''}`);
  if (sorted.length > MAX_GROUPS) lines.push(t(c, `  • … dan ${sorted.length - MAX_GROUPS} nilai lain`, `  • … and ${sorted.length - MAX_GROUPS} more values`));
  return [t(c, `${head}: dicetak dengan ${sorted.length} nilai berbeda:`, `${head}: printed with ${sorted.length} different values:`), ...lines].join('\n');
}

/** A premise the question states, checked against the printed figures. */
function premise(u: Understood, c: Ctx, e: FactEntity, used: Fact[], lines: string[]): GroundedAnswer {
  // A stated figure is about the quantity asked; about the realisation when the quantity asked is a label ("stayed at 3 … rated").
  let numeric = used.filter((f) => f.value !== null && f.unit !== 'text');
  if (!numeric.length && u.asserted.length) numeric = c.fx.about(e).filter((f) => f.attr === 'realisasi' && f.period === 'current' && f.value !== null);
  const labels = used.filter((f) => f.unit === 'text');
  let holds = true;
  const q = u.question.toLowerCase();
  for (const a of u.asserted) {
    const x = readings(a)[0];
    if (x === undefined) continue;
    const before = q.slice(0, Math.max(0, q.indexOf(a.toLowerCase()))).split(/\s+/).slice(-4).join(' ');
    const value = (f: Fact) => f.value ?? readings(f.text)[0] ?? null;
    const within = u.approx[a];
    const test = within !== undefined
      ? (v: number) => Math.abs(v - x) <= within
      : /\b(tidak|not|belum|never|bukan)\b/.test(before)
      ? (v: number) => Math.abs(v - x) >= 1e-9 * Math.max(1, Math.abs(x))
      : /\b(di bawah|below|under|less than|kurang dari|lower than|lebih rendah dari)\s*$/.test(before)
      ? (v: number) => v < x
      : /\b(di atas|above|over|more than|lebih dari|melebihi|higher than|lebih tinggi dari|exceed\w*)\s*$/.test(before)
        ? (v: number) => v > x
        : /\b(sekitar|around|about|kira-kira|approximately|roughly|nearly|hampir)\s*$/.test(before)
          ? (v: number) => Math.abs(v - x) <= Math.max(1, Math.abs(x) * 0.025)
          : (v: number) => Math.abs(v - x) < 1e-9 * Math.max(1, Math.abs(x));
    if (!numeric.some((f) => (within === undefined && sameFigure(a, f.text, true)) || (value(f) !== null && test(value(f)!)))) holds = false;
  }
  if (u.assertedLabel && labels.length && !labels.some((f) => f.text.toLowerCase().replace(/\s+/g, ' ').trim() === u.assertedLabel)) holds = false;
  // Findings on the figure and on the other cells of its row (a realisasi that does not add up
  // makes the % printed beside it doubtful too).
  const notes = wrongNotes(c, [...used, ...sameRow(c, used)]);
  // A stated figure the report prints, but in a cell the audit finds wrong: the premise rests on a
  // wrong figure. The printed figure, where it is printed, and the finding.
  const wrongFigure = holds && u.asserted.length > 0 && u.asserted.every((a) => {
    const cells = numeric.filter((f) => sameFigure(a, f.text, true));
    return cells.length > 0 && cells.every((f) => findingsOn(c, f).some((x) => x.severity === 'error' && !!x.printed && sameFigure(x.printed.text, f.text)));
  });
  if (wrongFigure) {
    const cells = numeric.filter((f) => u.asserted.some((a) => sameFigure(a, f.text, true)));
    const own = wrongNotes(c, cells);
    return {
      intent: 'correction',
      text: [t(c, `Tidak tepat: ${u.asserted.join(', ')} memang tercetak (${cells.map((f) => `${t(c, 'hal.', 'p.')} ${f.page} [${f.id}]`).join(', ')}), tetapi audit menemukan angka itu keliru.`, `Not so: ${u.asserted.join(', ')} is printed (${cells.map((f) => `p. ${f.page} [${f.id}]`).join(', ')}), but the audit finds that figure wrong.`), ...own, ...recomputations(c, cells), ...lines, ...notes.filter((n) => !own.includes(n))].join('\n'),
    };
  }
  if (holds) {
    if (!notes.length) lines.push(...recomputations(c, used));
    lines.push(...footnotes(c, [...used, ...sameRow(c, used)]));
    const yes = notes.length
      ? t(c, 'Itu yang dicetak laporan, tetapi audit menemukan masalah pada baris ini:', 'That is what the report prints, but the audit finds a problem in this row:')
      : t(c, 'Ya, sesuai dengan yang dicetak laporan.', 'Yes, that is what the report prints.');
    return { intent: 'check', text: [yes, ...lines, ...notes].join('\n') };
  }
  const claimed = [...u.asserted, ...(u.assertedLabel ? [`"${u.assertedLabel}"`] : [])].join(', ');
  return {
    intent: 'correction',
    text: [t(c, `Tidak. Laporan tidak mencetak ${claimed} untuk ${plain(clipText(e.name, 100))}; yang dicetak:`, `No. The report does not print ${claimed} for ${plain(clipText(e.name, 100))}; it prints:`), ...lines, ...notes].join('\n'),
  };
}

/**
 * How a printed capaian or serapan the audit found no fault with comes out of its row's operands:
 * realisasi / target × 100 (or the lower-is-better forms target / realisasi × 100 and
 * (2 − realisasi / target) × 100, whichever the printed figure follows), realisasi / pagu × 100.
 */
function recomputations(c: Ctx, used: Fact[]): string[] {
  const out: string[] = [];
  const done = new Set<string>();
  const fmt = (v: number, d: number) => (c.lang === 'id' ? formatId(v, d) : formatUs(v, d));
  // Each operand cited where it stands.
  // A pagu says which budget it is, where the row prints both.
  const shown = (x: Fact) => `${plain(x.text.replace(/\s*%$/, ''))}${x.attr === 'pagu' && x.variant && x.variant !== 'rencana' ? t(c, x.variant === 'original' ? ' (pagu murni)' : ' (pagu perubahan)', x.variant === 'original' ? ' (original budget)' : ' (revised budget)') : ''} [${x.id}]`;
  for (const f of used) {
    if ((f.attr !== 'capaian' && f.attr !== 'serapan') || f.value === null) continue;
    const key = `${f.entity.key}|${f.attr}|${f.text}`;
    if (done.has(key)) continue;
    const row = sameRow(c, [f]).filter((x) => x.entity === f.entity && x.period === f.period && x.value);
    const as = row.filter((x) => x.attr === 'realisasi');
    const bs = row.filter((x) => x.attr === (f.attr === 'capaian' ? 'target' : 'pagu'));
    const d = Math.min(/[.,](\d+)\s*%?$/.exec(f.text)?.[1]?.length ?? 0, 2);
    const forms = as.flatMap((a) => bs.flatMap((b): Array<[number, string]> => {
      const [x, y] = [a.value!, b.value!];
      const plainForm: [number, string] = [(x / y) * 100, `${shown(a)} / ${shown(b)} × 100`];
      return f.attr === 'capaian' ? [plainForm, [(y / x) * 100, `${shown(b)} / ${shown(a)} × 100`], [(2 - x / y) * 100, `(2 − ${shown(a)} / ${shown(b)}) × 100`]] : [plainForm];
    }));
    const hit = forms.find(([v]) => Math.abs(v - f.value!) <= 0.5 * 10 ** -d + 1e-9);
    if (!hit) continue;
    done.add(key);
    // A capaian computed target over realisasi is that of an indicator where lower is better.
    const negative = f.attr === 'capaian' && forms.indexOf(hit) % 3 > 0 ? t(c, ' (indikator negatif: semakin rendah realisasi semakin baik)', ' (a lower-is-better indicator: the lower the realisation, the better)') : '';
    out.push(t(c, `Dihitung ulang: ${hit[1]} = ${fmt(hit[0], Math.max(d, 2))}, sesuai dengan ${plain(f.text)} yang tercetak${negative}.`, `Recomputed: ${hit[1]} = ${fmt(hit[0], Math.max(d, 2))}, matching the printed ${plain(f.text)}${negative}.`));
  }
  return out.slice(0, 2);
}

/** Findings about the printed figures an answer gives: the printed figure, the recomputed one and the finding. */
/** The findings on a printed figure: those citing its cell, or, for a figure in prose (no cell), those citing its page without a cell. */
function findingsOn(c: Ctx, f: Fact): Finding[] {
  const byCell = c.fx.findingsByCell.get(f.id);
  if (byCell || /^t\d+\.r\d+c\d+$/.test(f.id)) return byCell ?? [];
  return c.findings.filter((x) => x.printed && x.citations.some((ci) => !ci.cell && ci.page === f.page));
}

/**
 * A figure printed with a footnote mark ("79,61*"): the note the mark points to, printed below the
 * table on that page or the next ("*) angka sementara, …").
 */
function footnotes(c: Ctx, used: Fact[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of used) {
    const mark = /(\*+)\s*$/.exec(f.text)?.[1];
    if (!mark) continue;
    const note = c.fx.paragraphs.find((p) => (p.page === f.page || p.page === f.page + 1) && p.text.trim().startsWith(mark) && !p.text.trim().startsWith(`${mark}*`));
    if (!note || seen.has(note.text.trim())) continue;
    seen.add(note.text.trim());
    out.push(t(c, `Tanda ${mark} pada ${plain(f.text)} [${f.id}]: "${plain(clipText(note.text, 200))}" (hal. ${note.page}) [${note.id}]`, `The ${mark} on ${plain(f.text)} [${f.id}]: "${plain(clipText(note.text, 200))}" (p. ${note.page}) [${note.id}]`));
  }
  return out;
}

/** The other printed figures of the table rows the facts are in. */
function sameRow(c: Ctx, used: Fact[]): Fact[] {
  const rows = new Set(used.filter((f) => /^t\d+\.r\d+c\d+$/.test(f.id)).map((f) => f.id.replace(/c\d+$/, 'c')));
  const ids = new Set(used.map((f) => f.id));
  return c.fx.facts.filter((f) => rows.has(f.id.replace(/c\d+$/, 'c')) && !ids.has(f.id));
}

function wrongNotes(c: Ctx, used: Fact[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of used) {
    for (const finding of findingsOn(c, f)) {
      if (seen.has(finding.id) || finding.severity === 'info') continue;
      if (finding.printed && !sameFigure(finding.printed.text, f.text) && finding.printed.text.trim() !== f.text.trim()) continue;
      seen.add(finding.id);
      const expected = finding.expected?.value;
      // A cross-table finding's "expected" is another printed copy, not a recomputation.
      const decimals = Math.min(Math.max(/[.,](\d{1,2})\s*%?$/.exec(finding.printed?.text ?? '')?.[1]?.length ?? 2, 0), 2);
      const recomputed = typeof expected === 'number' && finding.check !== 'cross-table' ? (c.lang === 'id' ? formatId(expected, decimals) : formatUs(expected, decimals)) : null;
      out.push(
        t(
          c,
          `Catatan: angka tercetak ${plain(finding.printed?.text ?? f.text)}${recomputed ? `, dihitung ulang ${recomputed}` : ''} — ${plain(clipText(finding.message.id, 200))} [${finding.id}]`,
          `Note: printed ${plain(finding.printed?.text ?? f.text)}${recomputed ? `, recomputed ${recomputed}` : ''} — ${plain(clipText(finding.message.en, 200))} [${finding.id}]`,
        ),
      );
      if (out.length >= 3) return out;
    }
  }
  return out;
}

/** A table none of whose lines any other table prints: a scale or a reference list, not a table of results. */
function isReference(c: Ctx, label: string): boolean {
  const own = c.fx.facts.filter((f) => f.tableLabel === label);
  return own.length > 0 && !own.some((f) => c.fx.about(f.entity).some((x) => x.tableLabel !== label));
}

/** Figures a question states that tell one printed figure from others: decimals, or four digits and more. */
function distinctive(u: Understood): string[] {
  return u.asserted.filter((a) => !u.counts.includes(a) && (/\d[.,]\d/.test(a) || a.replace(/\D/g, '').length >= 4) && !/^(19|20)\d\d$/.test(a));
}

/** The lines whose cells print a figure the question states (two at most: more is no telling figure). */
function figureHolders(u: Understood, c: Ctx): EntityMatch[] {
  const figs = distinctive(u);
  if (!figs.length) return [];
  const hits = c.fx.facts.filter((f) => f.value !== null && figs.some((a) => sameFigure(a, f.text)) && (!u.attrs.length || u.attrs.includes(f.attr)));
  const entities = [...new Set(hits.map((f) => f.entity))];
  return entities.length && entities.length <= 2 ? entities.map((entity) => ({ entity, score: SURE, covered: 1 })) : [];
}

const HIGHER = /\b(lebih (?:tinggi|besar|banyak)|higher|greater|larger|bigger|above|di atas|melebihi|exceed\w*)\b/;
const LOWER = /\b(lebih (?:rendah|kecil|sedikit)|lower|smaller|below|di bawah|under)\b/;

/**
 * A figure the question states that only the report's text prints (a total in the executive
 * summary, an efficiency ratio): the sentences printing it, the findings on it, and — when the
 * question compares it with a second figure it states — whether the comparison holds.
 */
function figureInText(u: Understood, c: Ctx, topical = false): GroundedAnswer | null {
  const figs = distinctive(u);
  if (!figs.length) return null;
  const fig = figs[0]!;
  // `topical`: only a sentence that also has one of the question's words.
  const printed = (text: string) => (text.match(FIGURE_TOKEN) ?? []).some((x) => sameFigure(fig, x.trim())) && (!topical || analyze(text).some((w) => u.terms.includes(w)));
  const x0 = readings(fig)[0];
  const findings = c.findings.filter((f) => f.severity !== 'info' && [f.printed?.value, f.expected?.value].some((v) => typeof v === 'number' && x0 !== undefined && Math.abs(v - x0) < 1e-9 * Math.max(1, Math.abs(x0))));
  // Sentences printing every figure stated first, then those printing the first.
  const all = (text: string) => figs.every((a) => (text.match(FIGURE_TOKEN) ?? []).some((x) => sameFigure(a, x.trim())));
  const found: Array<{ d: (typeof c.fx.paragraphs)[number]; sentence: string; every: boolean }> = [];
  for (const d of c.fx.paragraphs) {
    if (!printed(d.text)) continue;
    const sentences = d.text.replace(/\s+/g, ' ').split(/(?<=[.;])\s+(?=[A-Z])/).filter(printed);
    const sentence = sentences.find(all) ?? sentences[0];
    if (sentence) found.push({ d, sentence, every: all(sentence) });
  }
  const quotes = found
    .sort((a, b) => Number(b.every) - Number(a.every))
    .slice(0, 2)
    .map(({ d, sentence }) => t(c, `Menurut laporan (hal. ${d.page}): "${plain(clipText(sentence, 400))}" [${d.id}]`, `The report says (p. ${d.page}): "${plain(clipText(sentence, 400))}" [${d.id}]`));
  if (!findings.length && !quotes.length) return null;
  const lines: string[] = [];
  // Two stated figures compared ("50.1 lebih tinggi dari 55.3"): the comparison checked.
  const q = expandShorthand(u.question.toLowerCase());
  const other = u.asserted.find((a) => a !== fig && !u.counts.includes(a));
  const claim = HIGHER.test(q) !== LOWER.test(q) ? (HIGHER.test(q) ? 1 : -1) : 0;
  const [x, y] = [readings(fig)[0], other !== undefined ? readings(other)[0] : undefined];
  let wrong = findings.some((f) => f.severity === 'error');
  if (claim && x !== undefined && y !== undefined && x !== y) {
    const holds = (x > y ? 1 : -1) === claim;
    wrong ||= !holds;
    lines.push(holds ? t(c, `Ya: ${fig} ${x > y ? 'lebih tinggi' : 'lebih rendah'} dari ${other}.`, `Yes: ${fig} is ${x > y ? 'higher' : 'lower'} than ${other}.`) : t(c, `Tidak: ${fig} ${x > y ? 'lebih tinggi' : 'lebih rendah'} dari ${other}, bukan sebaliknya.`, `No: ${fig} is ${x > y ? 'higher' : 'lower'} than ${other}, not the other way round.`));
  } else if (findings.length) {
    lines.push(t(c, `Tidak tepat: ${fig} memang tercetak, tetapi audit menemukan masalah pada angka itu.`, `Not so: ${fig} is printed, but the audit finds a problem with that figure.`));
  }
  for (const f of findings.slice(0, 2)) {
    lines.push(`${t(c, 'Temuan', 'Finding')}: ${plain(clipText(f.message[c.lang], 300))} [${f.id}]`);
    // An amount written out in words that does not match its figure: the words the figure reads as.
    if (f.check === 'terbilang' && typeof f.expected?.value === 'number') lines.push(t(c, `Terbilang angka ${fig}: "${toWords(f.expected.value)}".`, `${fig} in words: "${toWords(f.expected.value)}".`));
  }
  lines.push(...quotes);
  return { intent: wrong ? 'correction' : 'check', text: lines.join('\n') };
}

/** The report does not print what is asked; the nearest thing it prints, labelled as such. */
/**
 * "Why is the serapan of Belanja Modal higher than Belanja Operasi?": two lines compared by one
 * figure. Each side of the comparative names a line; when both are printed with the figure, the
 * premise is checked: confirmed, or corrected with both figures.
 */
function comparePair(u: Understood, c: Ctx): GroundedAnswer | null {
  const q = expandShorthand(u.question.toLowerCase()).replace(/\blbh\b/g, 'lebih');
  const m = /^(.*?)\b(?:lebih\s+(tinggi|besar|banyak|baik|rendah|kecil|sedikit|buruk)\s+(?:dari|daripada|dibanding(?:kan)?)|(higher|greater|larger|bigger|more|better|lower|smaller|less|worse)\s+than)\b(.*)$/u.exec(q);
  if (!m) return null;
  // "Better" / "worse" of a figure where more is better (an absorption, a capaian): higher / lower.
  const higher = /^(tinggi|besar|banyak|baik|higher|greater|larger|bigger|more|better)$/.test(m[2] ?? m[3] ?? '');
  const [left, right] = [analyze(m[1]!), analyze(m[4]!)];
  const sides = [u.terms.filter((x) => left.includes(x)), u.terms.filter((x) => right.includes(x))];
  if (sides.some((x) => !x.length)) return null;
  const attr: Attr | undefined = u.attrs.find((a) => a !== 'count');
  // Any kind of line: a spending line is indexed as a belanja line and as the budget row printing its %.
  const matches = sides.map((x) => matchFacts(c.fx, c.retriever, x).filter((m) => m.score >= SURE));
  if (matches.some((x) => !x.length)) return null;
  const wanted = attr ?? (matches[0]![0]!.entity.kind === 'indicator' ? 'capaian' : 'serapan');
  const figure = (e: FactEntity): Fact | undefined => c.fx.about(e).find((f) => f.attr === wanted && f.period === 'current' && f.value !== null);
  // Each side: the best-named line printed with the figure (one line may be indexed twice, once per table kind).
  const [a, b] = matches.map((x) => x.map((m) => figure(m.entity)).find(Boolean));
  if (!a || !b || a.entity === b.entity || a.value === b.value) return null;
  const holds = higher ? a.value! > b.value! : a.value! < b.value!;
  const name = ATTR_NAME[wanted][c.lang];
  const rel = a.value! > b.value! ? t(c, 'lebih tinggi dari', 'is higher than') : t(c, 'lebih rendah dari', 'is lower than');
  const line = `${name} ${plain(a.entity.name)} ${plain(a.text)} [${a.id}] ${rel} ${plain(b.entity.name)} ${plain(b.text)} [${b.id}].`;
  return holds ? { intent: 'value', text: `${t(c, 'Ya', 'Yes')}: ${line}` } : { intent: 'correction', text: `${t(c, 'Tidak', 'No')}: ${line}` };
}

const CROSS_TABLE = /\b(consistent|konsisten|sesuai|sama|cocok|match\w*|agree\w*|same as)\b[^?]{0,40}\b(lampiran|attachment|appendix|annex|tabel lain|other tables?)\b/i;

const DIFFERENCE = /\b(selisih\w*|difference|how far|how much (?:higher|lower|more|less)|by how (?:much|many)|how many (?:percentage )?points|berapa (?:poin|persen poin)|gap|berapa jauh|naik (?:apa|atau) turun|up or down|changed? by)\b/;

/** The difference of two printed figures, in the report's number style, said as computed. */
function differenceLine(c: Ctx, from: Fact, to: Fact): string {
  const a = from.value ?? readings(from.text)[0] ?? 0;
  const b = to.value ?? readings(to.text)[0] ?? 0;
  const decimals = Math.min(2, Math.max(...[from.text, to.text].map((x) => /[.,](\d{1,2})\s*%?\s*$/.exec(x.replace(/,-$/, ''))?.[1]?.length ?? 0)));
  const us = [from.text, to.text].some((x) => /\d,\d{3}(?!\d)/.test(x) && !/\d\.\d{3}(?!\d)/.test(x)) || [from.text, to.text].some((x) => /\d\.\d{1,2}\s*%?$/.test(x));
  const diff = Math.abs(b - a);
  const shown = us ? formatUs(diff, decimals) : formatId(diff, decimals);
  const how = b > a ? t(c, 'naik', 'up') : b < a ? t(c, 'turun', 'down') : t(c, 'tetap', 'unchanged');
  return t(c, `Selisih (dihitung dari kedua angka di atas): ${how} ${shown}.`, `Difference (computed from the two figures above): ${how} ${shown}.`);
}

/** The unit a question asks a figure in, when it names one a percentage is not: rupiah, or people. */
function askedUnit(question: string): 'rupiah' | 'people' | null {
  const q = expandShorthand(question.toLowerCase()).replace(/\bdlm\b/g, 'dalam');
  if (/\b(dalam|in) (rupiah|rp)\b|\bberapa rupiah\b|\bhow much money\b|\bamount in rupiah\b/.test(q)) return 'rupiah';
  if (/\bberapa (orang|org|jiwa|pegawai)\b|\bjumlah (orang|jiwa)\b|\bhow many (people|persons|staff|members|employees)\b/.test(q)) return 'people';
  return null;
}

function absent(u: Understood, c: Ctx, entity: FactEntity | null, near: EntityMatch | null, pool: Fact[] = []): GroundedAnswer {
  const attrs: Attr[] = u.attrs.filter((a) => a !== 'count');
  const what = attrs.map((a) => ATTR_NAME[a][c.lang].toLowerCase()).join(', ') || t(c, 'angka', 'figure');
  const period = u.period && u.period !== 'current' ? ` ${PERIOD_NAME[u.period][c.lang]}` : u.year ? ` ${u.year}` : '';
  const variant = u.variant ? t(c, u.variant === 'original' ? ' sebelum perubahan' : ' setelah perubahan', u.variant === 'original' ? ' before the revision' : ' after the revision') : '';
  const about = entity ? plain(clipText(entity.name, 100)) : u.terms.length ? t(c, `"${u.question.replace(/\?+$/, '').trim()}"`, `"${u.question.replace(/\?+$/, '').trim()}"`) : '';
  const lines = [
    entity
      ? t(c, `Laporan tidak memuat ${what}${period}${variant} untuk ${about}.`, `The report does not state the ${what}${period}${variant} for ${about}.`)
      : t(c, `Laporan tidak memuat ${what}${period}${variant} yang ditanyakan; tidak ada indikator, program atau kegiatan dengan nama itu.`, `The report does not state this ${what}${period}${variant}: it names no indicator, program or activity like that.`),
  ];
  const mine = entity ? pool.filter((f) => attrs.includes(f.attr)) : [];
  const others = entity && !mine.length ? pool.filter((f) => f.period === 'current' && f.attr !== 'name' && f.attr !== 'year').filter((f, i, all) => all.findIndex((x) => x.attr === f.attr) === i) : [];
  const nearest = entity ? [...mine, ...others].slice(0, 3) : near ? c.fx.facts.filter((f) => f.entity === near.entity && (attrs.includes(f.attr) || !attrs.length)).slice(0, 2) : [];
  if (nearest.length) {
    const head = t(c, `Yang terdekat yang dimuat laporan (bukan yang ditanyakan)`, `Nearest the report prints (not what was asked)`);
    const items = nearest.map((f) => `${ATTR_NAME[f.attr][c.lang]} ${plain(clipText(f.entity.name, 70))}${f.period !== 'current' ? ` (${PERIOD_NAME[f.period][c.lang]})` : ''}${f.variant && f.variant !== 'rencana' ? ` (${f.variant})` : ''}: ${plain(f.text)} [${f.id}]`);
    lines.push(`${head}: ${items.join('; ')}`);
  }
  return { intent: 'absent', text: lines.join('\n') };
}
