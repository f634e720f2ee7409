import MiniSearch from 'minisearch';
import type { BudgetRow, Indicator } from '../model/report.js';
import { clipText } from './citations.js';
import { DOMAIN_GROUPS } from './lexicon.js';
import type { ChatContext } from './types.js';

/**
 * Lexical retrieval (BM25, minisearch) over a report's findings, model entities and page text,
 * with Indonesian-aware normalisation: lower case, punctuation dropped, numbers joined across
 * their separators, a light suffix stemmer (-nya, -kan, -an, -i…) and bilingual synonyms folded
 * onto one term, so "anggaran", "pagu" and "budget" find the same rows.
 */

export type DocKind = 'finding' | 'indicator' | 'budget' | 'belanja' | 'efficiency' | 'claim' | 'paragraph';

export interface SearchDoc {
  /** Unique within the index. */
  id: string;
  kind: DocKind;
  /** What the hit refers to: a finding id, an entity key, a claim/paragraph/row id. */
  ref: string;
  title: string;
  text: string;
  page: number;
}

export interface Hit {
  doc: SearchDoc;
  score: number;
  /** Query terms (normalised) that matched. */
  terms: string[];
}

/** One indicator or budget line, grouped over every table that prints it (same normalised key). */
export interface Entity {
  /** Grouping key: the model's normalised key, with the level for budget lines other than programs. */
  key: string;
  /** What findings about it carry in `subject` (`indicator:<key>`, `budget:<key>`). */
  subject: string;
  kind: 'indicator' | 'budget';
  /** The name printed most often. */
  name: string;
  names: string[];
  indicators: Indicator[];
  budget: BudgetRow[];
}

/** Groups of words that mean the same thing here, English and Indonesian; the first is the canonical term. */
const SYNONYM_GROUPS: string[][] = [
  ['capaian', 'pencapaian', 'achievement', 'achievements', 'achieved', 'attainment', 'capai'],
  ['pagu', 'anggaran', 'budget', 'budgets', 'budgeted', 'alokasi', 'allocation', 'allocated', 'plafon', 'dana', 'funds'],
  ['realisasi', 'realization', 'realisation', 'realized', 'realised', 'actual', 'actuals', 'terealisasi'],
  ['salah', 'wrong', 'error', 'errors', 'keliru', 'incorrect', 'mistake', 'mistakes', 'kesalahan', 'miscalculated', 'miscomputed', 'galat'],
  ['halaman', 'page', 'pages', 'hal'],
  ['program', 'programme', 'programs', 'programmes'],
  ['kegiatan', 'activity', 'activities'],
  ['sisa', 'remaining', 'remainder', 'leftover', 'unspent'],
  ['serapan', 'penyerapan', 'absorption', 'absorbed'],
  ['temuan', 'finding', 'findings', 'issue', 'issues', 'masalah', 'problem', 'problems', 'discrepancy', 'discrepancies'],
  ['jumlah', 'total', 'totals', 'sum', 'sums', 'subtotal'],
  ['indikator', 'indicator', 'indicators'],
  ['predikat', 'predicate', 'kategori', 'category', 'rating', 'peringkat'],
  ['efisiensi', 'efficiency', 'efisien', 'efficient'],
  ['belanja', 'expenditure', 'expenditures', 'expense', 'expenses', 'spending'],
  ['tahun', 'year', 'years'],
  ['kepuasan', 'satisfaction'],
  ['masyarakat', 'community', 'public'],
  ['indeks', 'index'],
  ['terbilang', 'words', 'huruf'],
  ['kode', 'code', 'codes'],
  ['target', 'targets'],
  ['peringatan', 'warning', 'warnings'],
  ['pembulatan', 'rounding'],
];

const STOPWORDS = new Set(
  [
    'yang', 'dan', 'di', 'ke', 'dari', 'untuk', 'pada', 'dengan', 'ini', 'itu', 'apa', 'apakah', 'berapa', 'mana', 'adalah', 'atau',
    'dalam', 'oleh', 'saja', 'tersebut', 'ada', 'sudah', 'telah', 'akan', 'bisa', 'tolong', 'bagaimana', 'mengapa', 'kenapa', 'dimana',
    'sebutkan', 'tunjukkan', 'jelaskan', 'tampilkan', 'nilai', 'berapakah', 'seberapa', 'sebesar', 'tidak', 'juga', 'per', 'nya', 'kah', 'se',
    'the', 'a', 'an', 'of', 'in', 'on', 'for', 'and', 'or', 'is', 'are', 'was', 'were', 'what', 'which', 'how', 'much', 'many', 'does',
    'do', 'did', 'to', 'it', 'its', 'this', 'that', 'be', 'by', 'with', 'at', 'as', 'from', 'please', 'why', 'where', 'show', 'list', 'tell',
    'me', 'give', 'value', 'there', 'any', 'all', 'printed', 'dicetak', 'halaman', 'page', 'pages', 'hal',
  ].map((w) => w),
);

/** Acronyms printed in reports without their expansion nearby. */
const KNOWN_ACRONYMS: Record<string, string> = {
  ikm: 'indeks kepuasan masyarakat',
  skm: 'survei kepuasan masyarakat',
  opd: 'organisasi perangkat daerah',
  iku: 'indikator kinerja utama',
  pk: 'perjanjian kinerja',
  piak: 'pengelolaan informasi administrasi kependudukan',
  skpd: 'satuan kerja perangkat daerah',
  asn: 'aparatur sipil negara',
  rka: 'rencana kerja anggaran',
  bmd: 'barang milik daerah',
};

const CANONICAL = new Map<string, string>();
const HEADS = new Set<string>();
for (const group of [...SYNONYM_GROUPS, ...DOMAIN_GROUPS]) {
  const head = stem(group[0]!);
  HEADS.add(head);
  for (const w of group) CANONICAL.set(stem(w), head);
}

/**
 * Light Indonesian (and English plural) suffix stemmer: one particle (-lah, -kah, -pun), one
 * possessive (-nya, -ku, -mu), one derivational suffix (-kan, -an, -i), keeping at least 4 letters.
 *
 * @example
 *   stem('anggarannya'); // 'anggar'
 *   stem('budgets');     // 'budget'
 *   stem('businesses');  // 'business'
 */
export function stem(word: string): string {
  let w = word;
  if (/^\d/.test(w)) return w;
  const strip = (suffixes: string[]) => {
    for (const s of suffixes) {
      if (w.endsWith(s) && w.length - s.length >= 4) {
        w = w.slice(0, -s.length);
        return true;
      }
    }
    return false;
  };
  strip(['lah', 'kah', 'pun']);
  strip(['nya', 'ku', 'mu']);
  if (!strip(['kan', 'an', 'i'])) {
    // English plurals: "-es" after a sibilant ("businesses", "approaches"), "-ies" ("facilities"), else "-s".
    if (w.length > 5 && /(ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
    else if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
    else if (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  }
  return w;
}

/**
 * The root of an Indonesian word without its derivational prefix (ber-, ter-, di-, meN-, peN-,
 * per-, ke-…-an) and suffix, for matching morphological variants: "berstatus" / "status",
 * "menghambat" / "penghambat" / "hambatan", "dianggarkan" / "anggaran". Keeps at least 4 letters;
 * the nasal of meN- / peN- is restored before a vowel-initial root where Indonesian drops k/p/t/s
 * ("penyerapan" → "serap", "pengawasan" → "awas").
 *
 * @example
 *   root('berstatus');  // 'status'
 *   root('menghambat'); // 'hambat'
 */
export function root(word: string): string {
  let w = stem(word.toLowerCase());
  if (/^\d/.test(w)) return w;
  const rest = (n: number) => w.length - n >= 4;
  if (/^(ber|ter|per)/.test(w) && rest(3) && !/^(ber|ter|per)[aiueo]?$/.test(w)) w = w.slice(3);
  else if (/^(mem|pem)[bpf]/.test(w) && rest(3)) w = w.slice(3);
  else if (/^(meny|peny)[aiueo]/.test(w) && rest(4)) w = `s${w.slice(4)}`;
  else if (/^(meng|peng)[aiueo]/.test(w) && rest(4)) w = w.slice(4);
  else if (/^(meng|peng)[gkh]/.test(w) && rest(4)) w = w.slice(4);
  else if (/^(men|pen)[cdjt]/.test(w) && rest(3)) w = w.slice(3);
  else if (/^(me|pe)[lrwy]/.test(w) && rest(2)) w = w.slice(2);
  else if (/^di/.test(w) && rest(2)) w = w.slice(2);
  else if (/^ke/.test(w) && rest(2) && /an$/.test(word)) w = w.slice(2);
  return w;
}

/** Whether a normalised word is a term of the domain lexicon (an indicator / program word or a quantity word). */
export function isDomainTerm(term: string): boolean {
  return HEADS.has(term);
}

/**
 * A word as the index sees it: stop words dropped, stemmed, folded onto its synonym group.
 *
 * @example
 *   normalizeTerm('Anggaran'); // 'pagu'
 *   normalizeTerm('yang');     // null
 */
export function normalizeTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (!t || STOPWORDS.has(t)) return null;
  const s = stem(t);
  return CANONICAL.get(s) ?? CANONICAL.get(t) ?? s;
}

/**
 * Canonical terms of a text without dropping stop words (for intent rules): "anggaran" and
 * "budget" both give `pagu`, "halaman" and "page" both give `halaman`.
 *
 * @example
 *   canonicalTerms('Di halaman berapa?'); // ['di', 'halaman', 'berapa']
 */
export function canonicalTerms(text: string): string[] {
  return tokenize(text).map((t) => {
    const s = stem(t);
    return CANONICAL.get(s) ?? CANONICAL.get(t) ?? s;
  });
}

/**
 * Splits text into words: lower case, punctuation dropped, numbers joined across `.`/`,` so
 * `8.955.501.115` and `8,955,501,115` give the same token.
 *
 * @example
 *   tokenize('Realisasi IKM: 93,05 (hal. 8)'); // ['realisasi', 'ikm', '9305', 'hal', '8']
 */
export function tokenize(text: string): string[] {
  const joined = text.toLowerCase().replace(/(\d)[.,](?=\d)/g, '$1');
  return joined.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Normalised terms of a text, in order.
 *
 * @example
 *   analyze('Berapa anggaran program?'); // ['pagu', 'program']
 */
export function analyze(text: string): string[] {
  return tokenize(text)
    .map(normalizeTerm)
    .filter((t): t is string => !!t);
}

/**
 * The search index of one report.
 *
 * @example
 *   const r = Retriever.from({ result, layout });
 *   r.search('realisasi IKM', { kinds: ['indicator'] })[0].doc.ref; // 'indeks-kepuas-masyarakat'
 */
export class Retriever {
  readonly entities = new Map<string, Entity>();
  readonly docs = new Map<string, SearchDoc>();
  private readonly acronyms = new Map<string, string>(Object.entries(KNOWN_ACRONYMS));
  private readonly index = new MiniSearch<SearchDoc>({
    fields: ['title', 'text'],
    storeFields: ['id'],
    tokenize,
    processTerm: (term) => normalizeTerm(term),
    searchOptions: {
      boost: { title: 2 },
      prefix: (term) => term.length >= 5,
      fuzzy: (term) => (term.length >= 7 ? 0.15 : false),
      combineWith: 'OR',
    },
  });

  static from(ctx: ChatContext): Retriever {
    const r = new Retriever();
    const { report, findings } = ctx.result;
    const docs: SearchDoc[] = [];
    for (const i of report.indicators) r.entity(i.key, i.key, 'indicator', i.indikator).indicators.push(i);
    // A program and a kegiatan can share a normalised name; they are different lines.
    for (const b of report.budget) r.entity(b.level === 'program' ? b.key : `${b.key}~${b.level}`, b.key, 'budget', b.uraian).budget.push(b);
    for (const e of r.entities.values()) e.name = commonest(e.kind === 'indicator' ? e.indicators.map((i) => i.indikator) : e.budget.map((b) => b.uraian));
    for (const e of r.entities.values()) {
      const rows = e.kind === 'indicator' ? e.indicators : e.budget;
      const extra = e.kind === 'indicator' ? e.indicators.map((i) => `${i.sasaran ?? ''} ${i.satuan ?? ''}`).join(' ') : e.budget.map((b) => `${b.kode ?? ''} ${b.level}`).join(' ');
      docs.push({ id: `${e.kind}:${e.key}`, kind: e.kind, ref: e.key, title: e.names.join(' | '), text: `${acronymsOf(e.names).join(' ')} ${extra}`, page: rows[0]?.cite.page ?? 1 });
    }
    for (const f of findings) {
      const ops = f.expected?.operands.map((o) => `${o.name} ${o.text}`).join(' ') ?? '';
      docs.push({
        id: `finding:${f.id}`,
        kind: 'finding',
        ref: f.id,
        title: `${f.check} ${f.severity} ${f.subject ?? ''}`,
        text: `${f.message.id} ${f.message.en} ${f.printed?.text ?? ''} ${f.expected?.formula ?? ''} ${ops}`,
        page: f.citations[0]!.page,
      });
    }
    for (const b of report.belanja) docs.push({ id: `belanja:${b.id}`, kind: 'belanja', ref: b.id, title: `belanja ${b.uraian} ${b.kind}`, text: b.amount.text, page: b.cite.page });
    for (const e of report.efficiency) {
      docs.push({ id: `efficiency:${e.id}`, kind: 'efficiency', ref: e.id, title: `efisiensi ${e.uraian}`, text: [e.capaian, e.serapan, e.efisiensi].map((v) => v?.text ?? '').join(' ') + ` ${e.label?.text ?? ''}`, page: e.cite.page });
    }
    for (const c of report.claims) docs.push({ id: `claim:${c.id}`, kind: 'claim', ref: c.id, title: c.kind, text: c.text, page: c.cite.page });
    ctx.layout?.paragraphs.forEach((p, i) => {
      if (p.text.trim().length < 3) return;
      docs.push({ id: `paragraph:p${p.page}.${i}`, kind: 'paragraph', ref: `p${p.page}.${i}`, title: '', text: p.text, page: p.page });
    });
    for (const d of docs) r.docs.set(d.id, d);
    r.index.addAll(docs);
    r.learnAcronyms([...r.entities.values()].flatMap((e) => e.names).concat(ctx.layout?.paragraphs.map((p) => p.text) ?? []));
    return r;
  }

  /**
   * BM25 search; acronyms in the query are expanded ("IKM" → "indeks kepuasan masyarakat").
   *
   * @example
   *   retriever.search('anggaran program pencatatan sipil', { kinds: ['budget'], limit: 3 });
   */
  search(query: string, opts: { kinds?: DocKind[]; limit?: number; minScore?: number } = {}): Hit[] {
    const q = this.expand(query);
    if (!analyze(q).length) return [];
    const kinds = opts.kinds ? new Set(opts.kinds) : null;
    const results = this.index.search(q, {
      ...(kinds ? { filter: (r) => kinds.has(this.docs.get(r.id as string)!.kind) } : {}),
    });
    return results
      .filter((r) => r.score >= (opts.minScore ?? 0))
      .slice(0, opts.limit ?? 10)
      .map((r) => ({ doc: this.docs.get(r.id as string)!, score: r.score, terms: r.queryTerms }));
  }

  /** The query with known acronyms followed by their expansion. */
  expand(query: string): string {
    return tokenize(query)
      .map((t) => (this.acronyms.has(t) ? `${t} ${this.acronyms.get(t)}` : t))
      .join(' ');
  }

  /** The normalised words an acronym stands for ("ikm" → indek, kepuas, masyarakat), or null. */
  expansionOf(term: string): string[] | null {
    const e = this.acronyms.get(term);
    return e ? analyze(e) : null;
  }

  /** A short piece of a document around its first matching term, for answers. */
  snippet(doc: SearchDoc, terms: string[], max = 240): string {
    const text = doc.text.replace(/\s+/g, ' ').trim();
    if (text.length <= max) return text;
    const words = text.split(' ');
    const at = words.findIndex((w) => {
      const n = tokenize(w).map(normalizeTerm);
      return n.some((t) => t && terms.includes(t));
    });
    const start = Math.max(0, at - 8);
    return clipText((start > 0 ? '…' : '') + words.slice(start).join(' '), max);
  }

  private entity(key: string, modelKey: string, kind: 'indicator' | 'budget', name: string): Entity {
    const id = `${kind}:${key}`;
    let e = this.entities.get(id);
    if (!e) {
      e = { key, subject: `${kind}:${modelKey}`, kind, name, names: [], indicators: [], budget: [] };
      this.entities.set(id, e);
    }
    const clean = name.replace(/\s+/g, ' ').trim();
    if (!e.names.some((n) => n.toLowerCase() === clean.toLowerCase())) e.names.push(clean);
    return e;
  }

  /** "Indeks Kepuasan Masyarakat (IKM)": an acronym in parentheses whose letters start the words before it. */
  private learnAcronyms(texts: string[]): void {
    for (const text of texts) {
      for (const m of text.matchAll(/((?:[\p{L}]+\s+){1,8})\(([A-Za-z]{2,8})\)/gu)) {
        const acro = m[2]!.toLowerCase();
        const words = m[1]!.trim().split(/\s+/).filter((w) => !/^(dan|yang|di|ke|dari|untuk|pada|the|of|and)$/i.test(w));
        const tail = words.slice(-acro.length);
        if (tail.length === acro.length && tail.every((w, i) => w[0]!.toLowerCase() === acro[i]) && !this.acronyms.has(acro)) this.acronyms.set(acro, tail.join(' ').toLowerCase());
      }
    }
  }
}

/** The name printed most often (the longest among equals), without list markers ("a. "). */
function commonest(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) {
    const clean = n.replace(/\s+/g, ' ').replace(/^[a-z0-9]{1,2}[.)]\s+/i, '').trim();
    counts.set(clean, (counts.get(clean) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0]?.[0] ?? '';
}

/** Initials of a name's significant words, as a possible acronym ("Indeks Kepuasan Masyarakat" → "ikm"). */
function acronymsOf(names: string[]): string[] {
  const out = new Set<string>();
  for (const n of names) {
    const words = n.split(/[^\p{L}]+/u).filter((w) => w && !/^(dan|yang|di|ke|dari|untuk|pada|terkait|dalam)$/i.test(w));
    const initials = words.map((w) => w[0]!.toLowerCase()).join('');
    if (initials.length >= 3) out.add(initials.slice(0, 3));
    for (const m of n.matchAll(/\(([A-Za-z]{2,8})\)/g)) out.add(m[1]!.toLowerCase());
  }
  return [...out];
}
