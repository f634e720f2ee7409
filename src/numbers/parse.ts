/**
 * Numbers as printed in LKjIP reports (domain.md §3). Indonesian style groups thousands with `.` and
 * uses `,` as the decimal mark; US style is the reverse; both occur, sometimes in the same table.
 * A lone separator followed by exactly three digits (`1.234`, `1,234`) cannot be decided from the
 * cell alone, so it is recorded as ambiguous instead of silently guessed.
 */

export type StyleHint = 'id' | 'us' | 'auto';
export type NumberStyle = 'id' | 'us' | 'plain' | 'ambiguous';
export type ColumnStyle = 'id' | 'us' | 'plain';
export type NumberKind = 'number' | 'percent' | 'rupiah' | 'empty' | 'text';

export interface ParsedNumber {
  /** The number as printed (a percent stays 96.8 for `96,8%`); null for empty and text cells. */
  value: number | null;
  /** Digits printed after the decimal mark. */
  decimals: number;
  kind: NumberKind;
  /** Separator convention the value was read with; 'plain' when the text has no separator. */
  style: NumberStyle;
  negative: boolean;
  raw: string;
  /** The separators could be read either way and nothing in the context settled it. */
  ambiguous?: boolean;
  /** Why a cell is suspicious or not a number: 'malformed', 'magnitude', 'two-numbers'. */
  note?: string;
  /**
   * What the cell prints besides its number and was set aside: a footnote mark (`*`, `*)`, `1)`,
   * a superscript), or a dash or stray digit from a neighbouring line (`37.402.500,00 -`).
   */
  marks?: string;
}

export interface ParseOptions {
  /** Separator convention to assume when the text alone does not decide it. Default 'auto'. */
  style?: StyleHint;
}

export interface ColumnStyleDecision {
  style: ColumnStyle;
  /** The cells disagree, or only ambiguous cells were seen and the Indonesian default was used. */
  ambiguous: boolean;
}

export interface ParsedColumn extends ColumnStyleDecision {
  cells: ParsedNumber[];
  /** Median of the non-zero magnitudes, the reference for the 'magnitude' note; null if too few. */
  median: number | null;
}

type Sep = '.' | ',';

interface Prepared {
  kind: NumberKind;
  negative: boolean;
  /** Digits and separators only, when kind is numeric. */
  body: string;
  note?: string;
  marks?: string;
}

// Hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar, minus sign.
const DASHES = /^[-\u2010-\u2015\u2212]+$/u;
const NOT_AVAILABLE = /^(?:n\s*\/\s*a|n\.\s*a\.?|na)$/i;
const CURRENCY = /^(?:rp|idr)(?![a-z])\.?\s*/i;
// A sign touches its number (or a currency / parenthesis): a dash set apart by a space is a mark
// beside the figure (an empty cell's dash, a rule remnant), and a lone dash means "no value".
const MINUS = /^[-\u2013\u2212](?=[\d(]|rp|idr)/i;
const PLUS = /^\+\s*(?=\d)/;
// Rupiah are often closed with `,-`, `,--` or `.-` ("and no sen").
const RUPIAH_SUFFIX = /\s*[.,]\s*[-\u2013\u2014]{1,2}$/u;
const PERCENT_SUFFIX = /\s*%$/;
const TRAILING_PERIOD = /(?<=[\d-])\s*\.$/u;

function isNoValue(s: string): boolean {
  return DASHES.test(s) || NOT_AVAILABLE.test(s);
}

// Footnote marks printed after a figure: `*`, `**)`, `†`, `1)`, `(a)`; superscript digits.
const ATTACHED_MARK = /(?<=[\d%)-])\s*[*†‡#]+\)?$/u;
const LOOSE_MARK = /^(?:[*†‡#]+\)?|\(?(?:\d{1,2}|[a-z])\)|[¹²³⁰⁴-⁹]+|[-\u2010-\u2015\u2212]+)$/u;

/**
 * A cell's number with the marks printed beside it set aside. A footnote mark touching the figure
 * (`79,61*`, `75,07 *)`, `96,5¹`) is cut; a cell of several words keeps the one that is a number
 * when every other word is a mark, a dash, or, beside a figure with separators, a stray one- or
 * two-digit reference (`8.518.981.015 1`, `37.402.500,00 -`). A cell with two figures is not a
 * number: it gets the note 'two-numbers', never a guess between them.
 */
function prepare(raw: string): Prepared {
  // A report repeats its cells' texts (a column is read once per proof and per model field): each
  // text is prepared once. Prepared values are never changed by their readers, so they are shared.
  let p = prepared.get(raw);
  if (!p) {
    if (prepared.size >= PREPARED_MAX) prepared.clear();
    prepared.set(raw, (p = prepareText(raw)));
  }
  return p;
}

/** Texts already prepared; cleared when full, so a long-running process keeps a bounded number. */
const prepared = new Map<string, Prepared>();
const PREPARED_MAX = 50_000;

function prepareText(raw: string): Prepared {
  // Superscripts first: NFKC would turn `96,5¹` into `96,51`.
  const superscript = /(?<=\d)[¹²³⁰⁴-⁹]+$/u.exec(raw.trim());
  if (superscript) {
    const p = prepareNumber(raw.trim().slice(0, superscript.index));
    if (p.kind !== 'text' && p.kind !== 'empty') return { ...p, marks: superscript[0] };
  }
  const whole = prepareNumber(raw);
  if (whole.kind !== 'text') return whole;
  const attached = ATTACHED_MARK.exec(raw.trim());
  if (attached && attached.index > 0) {
    const p = prepareNumber(raw.trim().slice(0, attached.index));
    if (p.kind !== 'text' && p.kind !== 'empty') return { ...p, marks: attached[0].trim() };
  }
  const words = raw.normalize('NFKC').trim().split(/\s+/u);
  if (words.length < 2) return whole;
  const figures = words.map((w, i) => ({ i, p: prepareNumber(w) })).filter((x) => x.p.kind === 'number' || x.p.kind === 'percent' || x.p.kind === 'rupiah');
  const substantial = figures.filter((x) => /[.,]/.test(x.p.body) || x.p.kind !== 'number');
  if (substantial.length > 1) return { ...whole, note: 'two-numbers' };
  const main = substantial[0] ?? (figures.length === 1 ? figures[0] : undefined);
  if (!main) return figures.length > 1 ? { ...whole, note: 'two-numbers' } : whole;
  const rest = words.filter((_, i) => i !== main.i);
  const isMark = (w: string): boolean => LOOSE_MARK.test(w) || (main === substantial[0] && /^\d{1,2}\)?$/.test(w));
  if (!rest.every(isMark)) return figures.length > 1 ? { ...whole, note: 'two-numbers' } : whole;
  return { ...main.p, marks: rest.join(' ') };
}

function prepareNumber(raw: string): Prepared {
  const empty: Prepared = { kind: 'empty', negative: false, body: '' };
  const text: Prepared = { kind: 'text', negative: false, body: '' };
  let s = raw.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  if (s === '' || isNoValue(s)) return empty;

  let negative = false;
  let currency = false;
  let rupiahSuffix = false;
  let percent = false;
  // Signs, currency and suffixes nest in any order: `Rp (1.234)`, `(Rp 1.234)`, `(5,2)%`, `-Rp 5.000,-`.
  for (let pass = 0; pass < 4; pass++) {
    const before = s;
    const paren = /^\((.*)\)$/u.exec(s);
    if (paren) {
      negative = true;
      s = (paren[1] ?? '').trim();
    }
    const minus = MINUS.exec(s);
    if (minus) {
      negative = true;
      s = s.slice(minus[0].length);
    }
    s = s.replace(PLUS, '');
    const cur = CURRENCY.exec(s);
    if (cur) {
      currency = true;
      s = s.slice(cur[0].length);
    }
    if (RUPIAH_SUFFIX.test(s)) {
      rupiahSuffix = true;
      s = s.replace(RUPIAH_SUFFIX, '');
    }
    if (PERCENT_SUFFIX.test(s)) {
      percent = true;
      s = s.replace(PERCENT_SUFFIX, '');
    }
    // A sentence full stop or OCR speck after the number.
    s = s.replace(TRAILING_PERIOD, '').trim();
    if (s === before) break;
  }

  if (s === '') return text;
  if (isNoValue(s)) return empty; // `Rp -`, `Rp. -,-`, `(-)`
  if (percent && (currency || rupiahSuffix)) return text;

  // OCR puts spaces around separators (`1. 234.000`); spaces may also group thousands (`1 234 567`).
  s = s.replace(/\s*([.,])\s*/g, '$1');
  if (/^\d{1,3}(?: \d{3})+(?:[.,]\d+)?$/.test(s)) s = s.replace(/ /g, '');
  if (!/^\d+(?:[.,]\d+)*$/.test(s)) {
    return /^[\d.,]+$/.test(s) && /\d/.test(s) ? { ...text, note: 'malformed' } : text;
  }
  const kind: NumberKind = percent ? 'percent' : currency || rupiahSuffix ? 'rupiah' : 'number';
  return { kind, negative, body: s };
}

interface Reading {
  ok: true;
  value: number;
  decimals: number;
  style: NumberStyle;
  /** The text alone can be read two ways (`1.234`). */
  intrinsic: boolean;
  /** ...and neither the hint nor the cell's kind settled it. */
  ambiguous: boolean;
}

type Interpretation = Reading | { ok: false };

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}
const other = (sep: Sep): Sep => (sep === '.' ? ',' : '.');
const styleOfDecimalMark = (sep: Sep): 'id' | 'us' => (sep === ',' ? 'id' : 'us');
const styleOfGrouping = (sep: Sep): 'id' | 'us' => (sep === '.' ? 'id' : 'us');

const GROUPED: Record<Sep, RegExp> = { '.': /^\d{1,3}(?:\.\d{3})*$/, ',': /^\d{1,3}(?:,\d{3})*$/ };

function validGroups(intPart: string, group: Sep): boolean {
  return GROUPED[group].test(intPart);
}

function reading(intDigits: string, frac: string, style: NumberStyle, intrinsic = false, ambiguous = false): Reading {
  const value = Number(frac === '' ? intDigits : `${intDigits}.${frac}`);
  return { ok: true, value, decimals: frac.length, style, intrinsic, ambiguous };
}

/** A single separator followed by exactly three digits, after a 1-3 digit integer not starting with 0. */
function isAmbiguousShape(body: string): Sep | null {
  const m = /^([1-9]\d{0,2})([.,])(\d{3})$/.exec(body);
  return m ? (m[2] as Sep) : null;
}

/**
 * Reads `body` (digits and separators only). `groupOnAmbiguous` says the context (a rupiah amount, a
 * money column) cannot have three decimals, so `1.234` must be grouping.
 */
function interpret(body: string, hint: StyleHint, groupOnAmbiguous: boolean): Interpretation {
  const dots = count(body, '.');
  const commas = count(body, ',');
  if (dots === 0 && commas === 0) return reading(body, '', 'plain');

  if (dots > 0 && commas > 0) {
    const mark: Sep = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    if (count(body, mark) !== 1) return { ok: false };
    const at = body.lastIndexOf(mark);
    const intPart = body.slice(0, at);
    if (!validGroups(intPart, other(mark))) return { ok: false };
    return reading(intPart.split(other(mark)).join(''), body.slice(at + 1), styleOfDecimalMark(mark));
  }

  const sep: Sep = dots > 0 ? '.' : ',';
  if (count(body, sep) > 1) {
    if (!validGroups(body, sep)) return { ok: false };
    return reading(body.split(sep).join(''), '', styleOfGrouping(sep));
  }

  const [intPart = '', frac = ''] = body.split(sep);
  if (isAmbiguousShape(body) === null) return reading(intPart, frac, styleOfDecimalMark(sep));

  if (groupOnAmbiguous) return reading(intPart + frac, '', styleOfGrouping(sep), true);
  if (hint === 'auto') {
    // Indonesian documents group thousands far more often than they print three decimals.
    return reading(intPart + frac, '', 'ambiguous', true, true);
  }
  const grouping = styleOfGrouping(sep) === hint;
  return grouping ? reading(intPart + frac, '', hint, true) : reading(intPart, frac, hint, true);
}

function blank(raw: string, p: Prepared): ParsedNumber {
  const out: ParsedNumber = { value: null, decimals: 0, kind: p.kind, style: 'plain', negative: false, raw };
  if (p.note) out.note = p.note;
  return out;
}

function build(raw: string, p: Prepared, r: Reading, ambiguous: boolean): ParsedNumber {
  // Avoid -0: `(0)` and `-0,00` are zero.
  const value = p.negative && r.value !== 0 ? -r.value : r.value;
  const out: ParsedNumber = { value, decimals: r.decimals, kind: p.kind, style: r.style, negative: p.negative, raw };
  if (ambiguous) out.ambiguous = true;
  if (p.marks) out.marks = p.marks;
  return out;
}

function parsePrepared(raw: string, p: Prepared, hint: StyleHint, groupOnAmbiguous: boolean): { parsed: ParsedNumber; reading?: Reading } {
  if (p.kind === 'empty' || p.kind === 'text') return { parsed: blank(raw, p) };
  const r = interpret(p.body, hint, groupOnAmbiguous || p.kind === 'rupiah');
  if (!r.ok) return { parsed: blank(raw, { kind: 'text', negative: false, body: '', note: 'malformed' }) };
  return { parsed: build(raw, p, r, r.ambiguous), reading: r };
}

/**
 * Parses one printed number.
 *
 * @example
 *   parseNumber('Rp. 7.908.091.365,-') // { value: 7908091365, decimals: 0, kind: 'rupiah', style: 'id', … }
 *   parseNumber('96,8%')               // { value: 96.8, decimals: 1, kind: 'percent', style: 'id', … }
 *   parseNumber('(1.234)')             // { value: -1234, style: 'ambiguous', ambiguous: true, negative: true, … }
 *   parseNumber('1.234', { style: 'us' }) // { value: 1.234, decimals: 3, style: 'us', … }
 *   parseNumber('-')                   // { value: null, kind: 'empty', … }
 */
export function parseNumber(text: string, opts: ParseOptions = {}): ParsedNumber {
  return parsePrepared(text, prepare(text), opts.style ?? 'auto', false).parsed;
}

type Evidence = 'id' | 'us' | { ambiguousSep: Sep } | null;

function evidenceOf(p: Prepared): Evidence {
  if (p.kind === 'empty' || p.kind === 'text') return null;
  const r = interpret(p.body, 'auto', p.kind === 'rupiah');
  if (!r.ok || r.style === 'plain') return null;
  if (r.style === 'ambiguous') return { ambiguousSep: isAmbiguousShape(p.body) ?? '.' };
  return r.style === 'id' || r.style === 'us' ? r.style : null;
}

interface ColumnAnalysis extends ColumnStyleDecision {
  prepared: Prepared[];
  money: boolean;
}

function analyseColumn(texts: readonly string[]): ColumnAnalysis {
  const prepared = texts.map(prepare);
  const numeric = prepared.filter((p) => p.kind === 'number' || p.kind === 'percent' || p.kind === 'rupiah');
  // A money column: rupiah marks or multi-group amounts in most cells. Money never has three
  // decimals, so there a lone `1.234` is grouping and counts as evidence.
  const moneyLike = numeric.filter(
    (p) => p.kind === 'rupiah' || (p.kind === 'number' && /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+(?:[.,]\d{1,2})?$/.test(p.body)),
  ).length;
  const money = numeric.length > 0 && moneyLike * 2 >= numeric.length && !numeric.some((p) => p.kind === 'percent');

  let id = 0;
  let us = 0;
  let ambDot = 0;
  let ambComma = 0;
  for (const p of numeric) {
    const e = evidenceOf(money && p.kind === 'number' ? { ...p, kind: 'rupiah' } : p);
    if (e === 'id') id++;
    else if (e === 'us') us++;
    else if (e !== null) {
      if (e.ambiguousSep === '.') ambDot++;
      else ambComma++;
    }
  }
  let decision: ColumnStyleDecision;
  if (id > 0 && us === 0) decision = { style: 'id', ambiguous: false };
  else if (us > 0 && id === 0) decision = { style: 'us', ambiguous: false };
  else if (id > 0 && us > 0) decision = { style: us > id ? 'us' : 'id', ambiguous: true };
  else if (ambDot + ambComma > 0) {
    // Only `1.234`-shaped cells: assume they group thousands, the common case in these reports.
    decision = { style: ambComma > ambDot ? 'us' : 'id', ambiguous: true };
  } else decision = { style: 'plain', ambiguous: false };
  return { ...decision, prepared, money };
}

/**
 * Decides the separator convention of a table column from all of its cells.
 *
 * @example
 *   decideColumnStyle(['96,51', '1.234', '-'])      // { style: 'id', ambiguous: false }
 *   decideColumnStyle(['Rp. 217,902,500', '1,500']) // { style: 'us', ambiguous: false }
 *   decideColumnStyle(['1.234', '5.678'])          // { style: 'id', ambiguous: true }
 */
export function decideColumnStyle(texts: readonly string[]): ColumnStyleDecision {
  const { style, ambiguous } = analyseColumn(texts);
  return { style, ambiguous };
}

/**
 * A value this many times above the column median (or below, see parseColumn) is suspicious. The
 * typical misreading makes a value 100× (or 1000×) its true self; the median sits among the true
 * values, so the threshold is set below 100 to still catch `96.51` read as 9651 next to 95-ish values.
 */
export const MAGNITUDE_FACTOR = 50;

/**
 * Median of at least three values (null for fewer: too little to judge a column by).
 *
 * @example
 *   median([1, 5, 3]); // 3
 */
export function median(values: number[]): number | null {
  if (values.length < 3) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? hi) + hi) / 2;
}

/**
 * Parses every cell of a column with the column's decided style and marks values that are
 * ~100× away from the column median (threshold MAGNITUDE_FACTOR) with `note: 'magnitude'` (a suspected parse error, not a finding).
 * Upwards any value is checked (decimals read as grouping inflate a value); downwards only values
 * printed with decimals (grouping read as decimals shrinks `1.234` to 1.234), because small integer
 * amounts next to large ones are normal in budget tables.
 *
 * @example
 *   parseColumn(['96,51', '98,40', '9651', '95,00']).cells[2].note // 'magnitude'
 */
export function parseColumn(texts: readonly string[]): ParsedColumn {
  // A table's columns are read by more than one reader (the proofs, the model's fields): each is
  // parsed once, and every reader gets cells of its own.
  const key = JSON.stringify(texts);
  let col = columns.get(key);
  if (!col) {
    if (columns.size >= COLUMNS_MAX) columns.clear();
    columns.set(key, (col = parseColumnTexts(texts)));
  }
  return { ...col, cells: col.cells.map((c) => ({ ...c })) };
}

/** Columns already parsed, by their texts; cleared when full, so a long-running process keeps a bounded number. */
const columns = new Map<string, ParsedColumn>();
const COLUMNS_MAX = 5_000;

function parseColumnTexts(texts: readonly string[]): ParsedColumn {
  const analysis = analyseColumn(texts);
  const hint: StyleHint = analysis.style === 'plain' ? 'auto' : analysis.style;
  const cells = texts.map((raw, i) => {
    const p = analysis.prepared[i] ?? prepare(raw);
    const { parsed, reading: r } = parsePrepared(raw, p, hint, analysis.money);
    if (r && r.intrinsic && analysis.ambiguous && !analysis.money && p.kind !== 'rupiah') parsed.ambiguous = true;
    return parsed;
  });

  const magnitudes = cells
    .map((c) => (c.value === null ? 0 : Math.abs(c.value)))
    .filter((v) => v > 0);
  const med = median(magnitudes);
  if (med !== null && med > 0) {
    for (const c of cells) {
      if (c.value === null || c.value === 0) continue;
      const ratio = Math.abs(c.value) / med;
      if (ratio >= MAGNITUDE_FACTOR || (c.decimals > 0 && ratio <= 1 / MAGNITUDE_FACTOR)) c.note = 'magnitude';
    }
  }
  return { style: analysis.style, ambiguous: analysis.ambiguous, cells, median: med };
}

/**
 * The whole rupiah amount a figure spells when every separator it prints stands between groups of
 * three digits, whichever character it is ("816.000,000" — a thousands separator typed as the
 * decimal mark); null for any other figure.
 *
 * @example
 *   wholeRupiah('Rp. 816.000,000'); // 816000000
 *   wholeRupiah('96,51'); // null
 */
export function wholeRupiah(text: string): number | null {
  const t = text.trim().replace(/,-$/, '');
  if (!/^[^\d]*\d{1,3}([.,]\d{3})+[^\d]*$/.test(t)) return null;
  return Number(t.replace(/[^\d]/g, ''));
}
