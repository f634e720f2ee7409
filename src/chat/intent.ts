import type { Severity } from '../model/report.js';
import { canonicalTerms } from './retrieval.js';

const canon = (word: string): string => canonicalTerms(word)[0] ?? word;
import type { Lang } from './types.js';

/**
 * Keyword rules that read what a question asks, in Indonesian or English. No model: a question
 * outside these patterns falls through to retrieval.
 */

export type Intent = 'why' | 'summary' | 'count' | 'wrong-capaian' | 'budget-sums' | 'findings' | 'value' | 'search';

/** A figure of an indicator or a budget line that can be asked for. */
export type Field = 'target' | 'realisasi' | 'capaian' | 'predikat' | 'pagu' | 'persen' | 'sisa' | 'belanja';

export interface ParsedQuestion {
  intent: Intent;
  lang: Lang;
  /** Check ids the question names ("terbilang", "serapan"…). */
  checks: string[];
  severities: Severity[];
  /** Figures asked for, in the order named. */
  fields: Field[];
  /** Speaks of money (anggaran, pagu, budget, belanja, rupiah…): a budget line rather than an indicator. */
  money: boolean;
  /** Asks about the previous year ("tahun lalu", "2022", "previous year"). */
  previous: boolean;
  /** Finding ids written in the question. */
  findingIds: string[];
  /** Words left for naming an entity once the question and field words are removed. */
  content: string;
}

const ID_WORDS = new Set(
  'berapa berapakah apa apakah mana yang dan di ke dari untuk pada dengan ini itu halaman mengapa kenapa temuan ringkas ringkasan rangkum sudah benar salah tidak ada saja hitung tolong kesalahan bagaimana terpenting jumlah anggaran tunjukkan sebutkan dicetak semua sesuai cocok angka nilai kegiatan tahun lalu peringatan brp thn yg dgn utk sdh blm gak ga bener kan ya belum menurut laporan dibanding sebelum setelah sesudah karena tercetak tertulis cek apa saja ringkas gambarkan singkat bagaimana secara umum berapakah'.split(' '),
);
const EN_WORDS = new Set(
  'what which how why the is are do does page pages wrong budget budgets findings finding summarise summarize show list many much add up of on there any most important printed where value total activities year previous errors error warnings correct miscalculated achievement spent did was were since given that does has have according report office in for and its than from under into it this these those give summarise overview check'.split(' '),
);

/** Checks and the words that name them. */
const CHECK_WORDS: Array<[string, RegExp]> = [
  ['capaian-zero-target', /target (nol|0)|zero target/],
  ['predikat', /predikat|predicate|kategori|category|rating/],
  ['serapan', /serapan|penyerapan|absorption|absorbed/],
  ['sisa', /\bsisa\b|remaining|leftover|unspent/],
  ['belanja-total', /belanja|expenditure|spending/],
  ['terbilang', /terbilang|huruf|in words|amounts? in words|\bwords\b/],
  ['cross-table', /antar ?tabel|cross[- ]table|between tables|different tables|berbeda|tidak sama|inconsisten|tidak konsisten|differ/],
  ['count-claim', /jumlah (program|kegiatan|sub ?kegiatan)|banyaknya program|count of (programs?|activities)|number of (programs?|activities)|count-claim/],
  ['efisiensi', /efisiensi|efisien|efficien/],
  ['trend-words', /meningkat|menurun|\btren|trend|kenaikan|penurunan|increase|decrease/],
  ['period-entity', /nama (kantor|instansi|opd|kecamatan|dinas)|office|instansi lain|kantor lain|tahun lain|other year|another year|wrong year|tahun atau|year or|periode|period/],
  ['code-format', /\bkode\b|\bcodes?\b/],
  ['number-format', /format angka|number format|separator|pemisah|tanda desimal|decimal mark/],
];

/**
 * Reads a question.
 *
 * @example
 *   parseQuestion('Berapa realisasi IKM dan di halaman berapa?');
 *   // { intent: 'value', lang: 'id', fields: ['realisasi'], content: 'ikm', … }
 */
export function parseQuestion(question: string, lang?: Lang): ParsedQuestion {
  const q = question.toLowerCase().replace(/\s+/g, ' ').trim();
  const terms = canonicalTerms(q);
  const has = (word: string) => terms.includes(canon(word));
  const language = lang ?? detectLanguage(question);
  const findingIds = [...q.matchAll(/\b([a-z]+(?:-[a-z]+)*-[0-9a-f]{12})\b/g)].map((m) => m[1]!);
  const checks = CHECK_WORDS.filter(([, re]) => re.test(q)).map(([id]) => id);
  const severities: Severity[] = [];
  if (/\berrors?\b|\bgalat\b|kesalahan fatal/.test(q)) severities.push('error');
  if (/peringatan|warnings?\b/.test(q)) severities.push('warning');
  if (/pembulatan|rounding/.test(q)) severities.push('rounding');
  if (/\binfo\b/.test(q)) severities.push('info');
  const fields = fieldsOf(terms, q);
  const previous = /tahun lalu|tahun sebelumnya|previous year|last year|prior year|sebelumnya/.test(q);

  const capaian = has('capaian');
  const wrong = has('salah') || /salah hitung|benar|correct|tepat|miscalc|keliru/.test(q);
  const budgetish = has('pagu') || has('belanja') || /\bprogram|jumlah|total/.test(q);
  const addsUp = /add(s|ed)? up|dijumlah|menjumlah|\bcocok|sesuai|balance|tally|konsisten|consistent|correct|\bbenar|\btepat|sum up|sums? (are|is) (right|correct)/.test(q);
  const why = /\b(mengapa|kenapa|why|jelaskan|explain|alasan|reason)\b|bagaimana .*dihitung|how (was|is|were) .*(computed|calculated)|dari mana/.test(q);
  const summary = /ringkas|rangkum|ikhtisar|summar|overview|terpenting|most important|key findings|main findings|highlights|temuan utama/.test(q);
  const count = /(berapa|jumlah) (banyak |jumlah )?(temuan|kesalahan|masalah|peringatan|error)|how many (findings|errors|issues|warnings|problems|discrepancies)|number of (findings|errors|warnings|issues)|count (of )?(findings|errors|warnings)|ada berapa (temuan|kesalahan|error|peringatan)/.test(q);
  const findingsWord = has('temuan') || has('salah') || has('peringatan') || has('pembulatan') || severities.length > 0 || /kesalahan|masalah|\bissues?\b|problem|flag/.test(q);
  const valueWord = /\bberapa|what (is|was|are|were)|how much|\bnilai|\bvalue|\bwhere\b|di ?mana|halaman|\bpages?\b|dicetak|printed|\bshow\b|tunjukkan/.test(q);

  let intent: Intent;
  if (why || (findingIds.length > 0 && !count)) intent = 'why';
  else if (summary) intent = 'summary';
  else if (count) intent = 'count';
  else if (capaian && wrong && !checks.includes('predikat') && !checks.includes('efisiensi')) intent = 'wrong-capaian';
  else if (budgetish && addsUp && !checks.some((c) => c !== 'belanja-total') && !(valueWord && !addsUp)) intent = 'budget-sums';
  else if ((findingsWord && !(valueWord && fields.length > 0 && !checks.length)) || (checks.length > 0 && fields.length === 0)) intent = 'findings';
  else if (valueWord || fields.length > 0) intent = 'value';
  else intent = 'search';

  const money = has('anggaran') || has('belanja') || /\brp\.?\b|rupiah|\bspent\b|spending/.test(q);
  return { intent, lang: language, checks, severities, fields, money, previous, findingIds, content: contentOf(q) };
}

/**
 * Indonesian or English, by marker words; Indonesian when undecided (the reports are).
 *
 * @example
 *   detectLanguage('Do the program budgets add up?'); // 'en'
 */
export function detectLanguage(text: string): Lang {
  // Quoted names are the report's words, not the asker's language.
  const words = text.toLowerCase().replace(/["“”][^"“”]{3,}["“”]/g, ' ').match(/\p{L}+/gu) ?? [];
  let id = 0;
  let en = 0;
  for (const w of words) {
    if (ID_WORDS.has(w)) id++;
    if (EN_WORDS.has(w)) en++;
  }
  return en > id ? 'en' : 'id';
}

function fieldsOf(terms: string[], q: string): Field[] {
  const found: Array<[number, Field]> = [];
  const at = (word: string) => terms.indexOf(canon(word));
  const push = (i: number, f: Field) => {
    if (i >= 0) found.push([i, f]);
  };
  push(at('target'), 'target');
  push(at('realisasi'), 'realisasi');
  push(at('capaian'), 'capaian');
  push(at('predikat'), 'predikat');
  push(at('pagu'), 'pagu');
  push(at('sisa'), 'sisa');
  push(at('serapan'), 'persen');
  push(at('belanja'), 'belanja');
  if (/how much .*spent|\bspent\b|\bspending\b/.test(q) && !found.some(([, f]) => f === 'realisasi')) push(0, 'realisasi');
  let fields = found.sort((a, b) => a[0] - b[0]).map(([, f]) => f);
  // "sisa anggaran", "realisasi anggaran", "remaining budget": the budget word qualifies the figure.
  if (/(sisa|realisasi|serapan|penyerapan|persen(tase)?) (anggaran|pagu|dana)|(remaining|unspent) budget|budget (realis|realiz|absorption|spent|remaining)/.test(q) && fields.some((f) => f !== 'pagu')) fields = fields.filter((f) => f !== 'pagu');
  return fields;
}

/** Words that name what the question is about, after removing question and figure words. */
function contentOf(q: string): string {
  return q
    .replace(/[?!.,;:"'()]/g, ' ')
    .replace(
      /\b(berapa(kah)?|apa(kah)?|mana|yang|dan|di|ke|dari|untuk|pada|dengan|ini|itu|halaman|hal|saja|dicetak|tercetak|nilai|angka|mengapa|kenapa|jelaskan|bagaimana|tunjukkan|sebutkan|tolong|tahun lalu|sebelumnya|what|which|is|are|was|were|the|of|on|in|for|and|how|much|many|where|value|printed|page|pages|why|wrong|salah|hitung|show|list|tell|me|does|do|did|a|an|it|its|this|that|indicator|indikator|realisasi(nya)?|realisation|realization|actual|target(nya)?|capaian(nya)?|achievement|predikat(nya)?|predicate|pagu(nya)?|anggaran(nya)?|budget|budgeted|alokasi|sisa|remaining|serapan|penyerapan|absorption|persen|percent|spent|spending|previous|year|last|temuan|findings?|errors?|kesalahan|keliru|incorrect|benar|correct|sudah|telah|ada|about|tentang|terkait|untuk)\b/g,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
}
