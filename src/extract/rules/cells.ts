import { distance } from 'fastest-levenshtein';
import type { Cell, Table, TableRow } from '../../model/table.js';
import type { Citation, Value } from '../../model/report.js';
import { parseColumn, parseNumber, wholeRupiah, type ParsedNumber } from '../../numbers/index.js';

/** The text of a cell, reading through merged cells to the cell that holds the text. */
export function cellText(table: Table, cell: Cell | undefined): string {
  if (!cell) return '';
  if (!cell.spannedBy) return cell.text;
  const origin = findCell(table, cell.spannedBy);
  return origin?.text ?? '';
}

export function findCell(table: Table, id: string): Cell | undefined {
  const m = /\.r(\d+)c(\d+)$/.exec(id);
  if (!m) return undefined;
  const r = Number(m[1]);
  const c = Number(m[2]);
  const row = r < table.headerRows.length ? table.headerRows[r] : table.rows[r - table.headerRows.length];
  return row?.cells[c];
}

/**
 * Citation of a table cell: page, table, row, column, box, caption and column label.
 *
 * @example
 *   citeCell(table, cell); // { page: 8, table: 't7', row: 3, column: 4, cell: 't7.r3c4', … }
 */
export function citeCell(table: Table, cell: Cell): Citation {
  return {
    page: cell.page,
    table: table.id,
    row: cell.row,
    column: cell.col,
    cell: cell.id,
    bbox: cell.bbox,
    ...(cell.textBox ? { textBox: cell.textBox } : {}),
    caption: table.caption ?? null,
    columnLabel: table.columns[cell.col] || null,
    ...(cell.conf !== undefined ? { ocrConf: cell.conf } : {}),
  };
}

/** True for rows that only number the columns (1 2 3 …), repeated under headers on new pages. */
export function isNumberingRow(row: TableRow): boolean {
  const texts = row.cells.filter((c) => !c.spannedBy && c.text.trim()).map((c) => c.text.replace(/[()]/g, '').trim());
  if (texts.length < 3) return false;
  if (!texts.every((t) => /^\d{1,2}$/.test(t))) return false;
  const nums = texts.map(Number);
  return nums.every((n, i) => i === 0 || n >= nums[i - 1]!) && nums[0]! <= 2;
}

/** Body rows that carry content (numbering rows and headers repeated on a new page dropped). */
export function bodyRows(table: Table): TableRow[] {
  const labels = table.columns.map((l) => l.split(' / ').pop()!.toLowerCase().replace(/\s+/g, ' ').trim());
  const repeatedHeader = (r: TableRow) => {
    const cells = r.cells.filter((c) => !c.spannedBy && c.text.trim());
    const same = cells.filter((c) => {
      const t = c.text.toLowerCase().replace(/\s+/g, ' ').trim();
      const l = labels[c.col] ?? '';
      return l.length > 0 && (t === l || t.startsWith(l));
    });
    return cells.length >= 2 && same.length >= Math.ceil(cells.length * 0.6);
  };
  return table.rows.filter((r) => !isNumberingRow(r) && r.cells.some((c) => !c.spannedBy && c.text.trim()) && !repeatedHeader(r));
}

/**
 * A program / kegiatan / sub-kegiatan code (Kepmendagri 050-5889/2021): bidang with two digits
 * (2.12, 1.02, X.XX); "1.1" is outline numbering, not a code.
 */
export const BUDGET_CODE = /^(\d{1,2}|X)(\.(\d{2}|X{2}))(\.\d{1,2})?(\.\d)?(\.\d{2})?(\.\d{1,4})?$/i;

/**
 * A range target as printed ("75 s.d. 78", "10 - 12 %"): its bounds, or null.
 *
 * @example
 *   rangeOf('75 s.d. 78'); // [75, 78]
 */
export function rangeOf(text: string): [number, number] | null {
  const m = /^(\d+(?:[.,]\d+)?)\s*%?\s*(?:-|–|s\.?\s*d\.?|sampai)\s*(\d+(?:[.,]\d+)?)\s*%?$/i.exec(text.trim());
  if (!m) return null;
  const a = Number(m[1]!.replace(',', '.'));
  const b = Number(m[2]!.replace(',', '.'));
  return a < b ? [a, b] : null;
}

/** A rupiah amount as printed in a cell: digit groups, optional `Rp`, decimals and `,-`. */
export const AMOUNT = /^(rp\.?\s*)?\d{1,3}([.,]\d{3})+([.,]\d+)?(,-)?$/i;

/**
 * Parses one column of a table with a separator convention decided from the whole column, so
 * `1.234` reads as thousands in a rupiah column and `98.40` as a decimal in a percent column.
 */
export class ColumnValues {
  private readonly parsed = new Map<number, Map<string, ParsedNumber>>();

  constructor(private readonly table: Table) {}

  value(row: TableRow, col: number | undefined): Value | null {
    if (col === undefined) return null;
    const cell = row.cells[col];
    if (!cell) return null;
    const origin = cell.spannedBy ? findCell(this.table, cell.spannedBy) : cell;
    if (!origin || !origin.text.trim()) return null;
    let p = this.column(col).get(origin.id) ?? parseNumber(origin.text);
    let cleaned = false;
    if (origin.ocr && p.kind !== 'empty' && p.value === null) {
      const q = scanNoiseFree(origin.text);
      // Of the column's own magnitude: a stray digit in an amount column is no amount.
      if (q?.value != null && this.fitsColumn(col, q.value)) [p, cleaned] = [q, true];
    }
    if (origin.ocr && p.kind !== 'percent' && (p.value === null || p.decimals > 2 || doubtfulReading(p) || !this.fitsColumn(col, p.value)) && this.printsPercent(col)) {
      // A column that prints '%' signs, and a reading no figure of it could be that ends in what
      // the scan makes of a '%' ("93.196", "9196", "83,33 Yo").
      const q = percentSignMisread(origin.text);
      if (q?.value != null && this.fitsColumn(col, q.value)) [p, cleaned] = [q, true];
    }
    if (p.kind === 'empty' || p.kind === 'text' || p.value === null) return null;
    if (origin.ocr && doubtfulReading(p)) return null;
    const cite = citeCell(this.table, origin);
    // A figure picked out of the scan's noise is a reading to check, not one to find errors with:
    // findings citing it are information (see the audit's rule for uncertain readings).
    if (cleaned) cite.ocrNoise = true;
    return toValue(origin.text, p, origin.ocr ?? false, cite);
  }

  /**
   * A scanned cell that prints something in a figure column but yields no figure we trust: text
   * the OCR made of a figure (under a stamp or a signature), a figure its column's style cannot
   * spell, or nothing at all where the row prints its other figures. Such a cell is unknown, not
   * zero: sums over it cannot be checked. Text pages never call a cell unread (what they print is
   * what the report says).
   *
   * @example
   *   vals.unread(row, paguCol); // true for a scanned "DAERAy 392%%89.100"
   */
  unread(row: TableRow, col: number | undefined, siblings: ReadonlyArray<number | undefined> = []): boolean {
    if (col === undefined) return false;
    const cell = row.cells[col];
    if (!cell) return false;
    const origin = cell.spannedBy ? findCell(this.table, cell.spannedBy) : cell;
    if (!origin?.ocr || this.value(row, col)) return false;
    const text = origin.text.trim();
    if (text) return parseNumber(text).kind !== 'empty';
    return siblings.some((c) => c !== undefined && c !== col && this.value(row, c) !== null);
  }

  /**
   * A rupiah amount: as value(), but a figure read with three decimals ("816.000,000", a thousands
   * separator typed as the decimal mark) is the whole amount its groups spell (816.000.000).
   */
  amount(row: TableRow, col: number | undefined): Value | null {
    const v = this.value(row, col);
    const whole = v?.decimals === 3 ? wholeRupiah(v.text) : null;
    return v && whole !== null ? { ...v, value: whole, decimals: 0 } : v;
  }

  /**
   * The last rupiah amount printed right of column `after` (columns in `skip` aside), read as
   * amount() reads it. Where a table's header is offset from its body, a row's amounts in reading
   * order still say what they are: a work plan prints the year's pagu first and the forecast last.
   *
   * @example
   *   vals.lastAmountAfter(row, 9); // the forecast '30,000,000' of a Renja row whose pagu is in column 9
   */
  lastAmountAfter(row: TableRow, after: number, skip: ReadonlySet<number> = new Set()): Value | null {
    for (let c = row.cells.length - 1; c > after; c--) {
      const cell = row.cells[c];
      if (cell && !cell.spannedBy && !skip.has(c) && AMOUNT.test(cell.text.trim())) return this.amount(row, c);
    }
    return null;
  }

  /** The raw text of a cell that does not parse as a number (e.g. "Efisien"). */
  text(row: TableRow, col: number | undefined): string {
    if (col === undefined) return '';
    return cellText(this.table, row.cells[col]).trim();
  }

  /** The column prints percent signs: at least two of its figures carry one. */
  private printsPercent(col: number): boolean {
    let n = 0;
    for (const x of this.column(col).values()) if (x.kind === 'percent' && ++n >= 2) return true;
    return false;
  }

  /** Within a hundredfold of the median of the figures the column reads on its own. */
  private fitsColumn(col: number, v: number): boolean {
    const values = [...this.column(col).values()].map((x) => x.value).filter((x): x is number => x !== null && x !== 0).map(Math.abs).sort((a, b) => a - b);
    if (values.length < 2) return true;
    const median = values[Math.floor(values.length / 2)]!;
    return Math.abs(v) >= median / 100 && Math.abs(v) <= median * 100;
  }

  private column(col: number): Map<string, ParsedNumber> {
    let m = this.parsed.get(col);
    if (!m) {
      const cells = this.table.rows.map((r) => r.cells[col]).filter((c): c is Cell => Boolean(c && !c.spannedBy));
      const texts = cells.map((c) => c.text);
      const res = parseColumn(texts);
      m = new Map(cells.map((c, i) => [c.id, res.cells[i]!]));
      this.parsed.set(col, m);
    }
    return m;
  }
}

/** A figure printed outside a table cell (a sentence, a list) as a model Value; null if it is no number. */
export function valueFrom(text: string | undefined, ocr: boolean, cite: Citation): Value | null {
  if (!text) return null;
  const parsed = parseNumber(text);
  return parsed.value === null ? null : toValue(text, parsed, ocr, cite);
}

/**
 * The one figure of a scanned cell whose other words are the scan's noise: marks and letters a stamp,
 * a signature or a rule left beside it ("13 te", ". 89%", "SY, us Vy 82.1"). Words with digits are
 * the candidates: one figure with a separator or a percent sign among at most stray single digits,
 * or one number alone. Null when the words leave two figures or none (never a guess between them).
 *
 * @example
 *   scanNoiseFree('13 te')?.value;          // 13
 *   scanNoiseFree('- = 5 5 ) 33,8% 4')?.value; // 33.8
 *   scanNoiseFree('66” CZ 1');              // null (two numbers)
 */
export function scanNoiseFree(text: string): ParsedNumber | null {
  const words = text.normalize('NFKC').trim().split(/\s+/u);
  // Marks the scan left at a figure's ends; a closing bracket with no opening one is such a mark.
  const digits = words.filter((w) => /\d/.test(w)).map((w) => w.replace(/^[^\d(+-]+|[^\d%)]+$/gu, '')).map((w) => (w.endsWith(')') && !w.includes('(') ? w.replace(/\)+$/u, '') : w));
  if (!digits.length) return null;
  const parsed = digits.map((w) => ({ w, p: parseNumber(w) }));
  const substantial = parsed.filter((x) => x.p.value !== null && (/[.,]\d/.test(x.w) || x.p.kind === 'percent'));
  const pick = substantial.length === 1 && parsed.every((x) => x === substantial[0] || /^\d$/.test(x.w)) ? substantial[0] : parsed.length === 1 && parsed[0]!.p.value !== null ? parsed[0] : undefined;
  return pick ? { ...pick.p, raw: text } : null;
}

/**
 * A percentage whose '%' the scan read as digits or letters: tesseract makes "96", "6" after a
 * decimal part, "Yo" or "%o" of a small or blurred '%'. Only the shapes a percentage takes (at most
 * three whole digits, at most two decimals); null for anything else. The column vouches for this
 * reading (ColumnValues.value); `percentReadAsDigits` (arithmetic.ts) proves it by the row's
 * capaian instead, for readings the column takes as figures.
 *
 * @example
 *   percentSignMisread('93.196')?.value; // 93.1
 *   percentSignMisread('106.536')?.value; // 106.53
 *   percentSignMisread('9196')?.value; // 91
 *   percentSignMisread('83,33 Yo')?.value; // 83.33
 *   percentSignMisread('1234'); // null
 */
export function percentSignMisread(text: string): ParsedNumber | null {
  const t = text.normalize('NFKC').trim();
  const m = /^(\d{1,3}(?:[.,]\d{1,2})?)\s?(?:96|%6|%o|Yo|yo|o\/o)$/u.exec(t) ?? /^(\d{1,3}[.,]\d{1,2})6$/u.exec(t);
  if (!m) return null;
  const p = parseNumber(`${m[1]}%`);
  return p.kind === 'percent' && p.value !== null ? { ...p, raw: text } : null;
}

/**
 * A figure read from a scan that no report prints this way: digits its column's style cannot group
 * ('malformed'), a value ~100× off its column that is no thousands separator read as a decimal
 * mark ('magnitude'; `170.023,300` is left to amount()), or a whole part with a leading zero
 * (`00`, `05`). The reading is doubted, not the report.
 */
function doubtfulReading(p: ParsedNumber): boolean {
  if (p.note === 'malformed' || (p.note === 'magnitude' && p.decimals !== 3)) return true;
  return /^[^\d]*0\d/.test(p.raw.trim());
}

/** Builds a model Value from a parse. */
export function toValue(text: string, p: ParsedNumber, ocr: boolean, cite: Citation): Value {
  const v: Value = {
    text: text.trim(),
    value: p.value,
    decimals: p.decimals,
    unit: p.kind === 'percent' ? 'percent' : p.kind === 'rupiah' ? 'rupiah' : 'number',
    ocr,
    cite,
  };
  if (p.ambiguous) v.ambiguous = true;
  return v;
}

/**
 * Normalises a name for linking the same indicator or program across tables: lower case, no
 * punctuation or abbreviations in parentheses, common function words dropped.
 *
 * @example
 *   normalizeName('Indeks Kepuasan Masyarakat (IKM) terkait pelayanan'); // 'indeks kepuas masyarakat pelayan'
 */
export function normalizeName(s: string): string {
  return s
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*(program|kegiatan|sub\s*kegiatan)\s*:?\s*/i, '')
    .replace(/\bkab\b\.?/g, 'kabupaten')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOP.has(w))
    .map((w) => (w.length > 7 && w.endsWith('an') ? w.slice(0, -2) : w))
    .filter((w) => !STOP.has(w))
    .join(' ')
    .trim();
}

// Function words, and the words of "Pemerintahan Daerah Kabupaten/Kota" that some tables spell out
// and others abbreviate or leave off.
const STOP = new Set(['yang', 'dan', 'di', 'ke', 'dari', 'terkait', 'dalam', 'untuk', 'pada', 'oleh', 'bidang', 'serta', 'atau', 'the', 'dengan', 'daerah', 'kabupaten', 'kota']);

/**
 * Similarity of two printed names: their letters compared whole when either is letter-spaced
 * ("Pe ny edi aa n Jas a", whose tokens are fragments), else the normalised names word by word.
 *
 * @example
 *   nameSimilarity('Pel ati ha n Kel uar ga', 'Pelatihan Keluarga'); // 0.95
 */
export function nameSimilarity(a: string, b: string): number {
  return letterSpaced(a) || letterSpaced(b) ? lettersSimilarity(spellingOf(a), spellingOf(b)) : similarity(normalizeName(a), normalizeName(b));
}

/**
 * Similarity of two normalised names that differ in a word or an abbreviation: token-set overlap
 * (letter-spaced text is compared by nameSimilarity / lettersSimilarity instead).
 */
export function similarity(a: string, b: string, containmentBoost = true): number {
  return tokenSimilarity(tokensOf(a), tokensOf(b), containmentBoost);
}

/** The words of a normalised name, as `similarity` compares them. */
function tokensOf(s: string): ReadonlySet<string> {
  return new Set(s.split(' ').filter(Boolean));
}

/** `similarity` over word sets already split (a name compared with many keys is split once). */
function tokenSimilarity(ta: ReadonlySet<string>, tb: ReadonlySet<string>, containmentBoost = true): number {
  if (!ta.size || !tb.size) return 0;
  let inter = 0;
  for (const t of ta) if (tb.has(t) || typo(t, tb)) inter++;
  const jaccard = inter / (ta.size + tb.size - inter);
  const containment = inter / Math.min(ta.size, tb.size);
  return Math.max(jaccard, containmentBoost && containment >= 0.9 && Math.min(ta.size, tb.size) >= 3 ? 0.8 : 0);
}

/** A name's letters run together, and where its words end when it is printed with whole words. */
export interface Spelling {
  letters: string;
  /** Offsets in `letters` where a word ends; null for letter-spaced text, whose words are unknown. */
  wordEnds: ReadonlySet<number> | null;
}

/**
 * The spelling of a name for letter-by-letter comparison.
 *
 * @example
 *   spellingOf('Pemberdayaan Masyarakat Desa'); // { letters: 'pemberdayaanmasyarakatdesa', wordEnds: {12, 22, 26} }
 */
export function spellingOf(name: string): Spelling {
  const words = stripLabel(name).split(/\s+/).map(lettersOnly).filter(Boolean);
  const letters = words.join('');
  if (letterSpaced(name)) return { letters, wordEnds: null };
  const ends = new Set<number>();
  let at = 0;
  for (const w of words) ends.add((at += w.length));
  return { letters, wordEnds: ends };
}

/**
 * Similarity of two names' letters run together, for letter-spaced text where words cannot be told
 * apart ("Pe ny edi aa n Jas a"):
 * - 0.95 for the same letters;
 * - one cut short (a clipped cell, "P e l a t i h a n K e l u a r g a T a"): 0.85 + 0.1 × the share
 *   kept, so the closest length wins; not when the cut falls where a word of the longer name ends,
 *   which is a different, shorter name (a kegiatan "Pemberdayaan Masyarakat" under the program
 *   "Pemberdayaan Masyarakat Desa dan Kelurahan");
 * - else 0.95 × (1 − 2 × edit distance / length): a tenth of the letters differing still reaches 0.76,
 *   a fifth does not (0.57). Edit distance rather than shared bigrams keeps apart long names with a
 *   long common head ("… Keluarga dalam Membangun …" / "… Keluarga dalam Peningkatan …").
 *
 * @example
 *   lettersSimilarity(spellingOf('Pel ati han Kel uar ga Ta'), spellingOf('Pelatihan Keluarga Tanggap Bencana')); // ≈ 0.91
 */
export function lettersSimilarity(a: Spelling, b: Spelling): number {
  const [x, y] = [a.letters, b.letters];
  if (!x || !y) return 0;
  if (x === y) return 0.95;
  const [short, long] = x.length <= y.length ? [a, b] : [b, a];
  if (short.letters.length >= 12 && long.letters.startsWith(short.letters)) {
    return long.wordEnds?.has(short.letters.length) ? 0 : 0.85 + (0.1 * short.letters.length) / long.letters.length;
  }
  // Cheap filter first: names of very different length or few shared bigrams are not the same.
  if (short.letters.length < long.letters.length * 0.6 || dice(x, y) < 0.5) return 0;
  return Math.max(0, 0.95 * (1 - (2 * distance(x, y)) / long.letters.length));
}

/**
 * A word of six letters or more one typed letter away from a word of the other name
 * ("Penyelenggaran" / "Penyelenggaraan", "Kertertiban" / "Ketertiban"): the same word mistyped.
 */
function typo(word: string, words: ReadonlySet<string>): boolean {
  if (word.length < 6 || /\d/.test(word)) return false;
  for (const w of words) if (w.length >= 6 && Math.abs(w.length - word.length) <= 1 && !/\d/.test(w) && distance(w, word) === 1) return true;
  return false;
}

/** A name without parentheses and without the label normalizeName also drops. */
const stripLabel = (name: string): string =>
  name
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/^\s*(s\s*u\s*b\s*)?k\s*e\s*g\s*i\s*a\s*t\s*a\s*n\b|^\s*p\s*r\s*o\s*g\s*r\s*a\s*m\b/, '');
const lettersOnly = (s: string): string => s.replace(/[^\p{L}\p{N}]/gu, '');
/** A name's letters and digits run together, without the label normalizeName also drops. */
const lettersOf = (name: string): string => lettersOnly(stripLabel(name));

/** First significant words agree; in letter-spaced text ("Ev alu asi …") the first letters do. */
function sameHeadWord(a: string, b: string): boolean {
  if (letterSpaced(a) || letterSpaced(b)) {
    const [x, y] = [lettersOf(a), lettersOf(b)];
    const n = Math.min(6, x.length, y.length);
    return n > 0 && x.slice(0, n) === y.slice(0, n);
  }
  return a.split(' ')[0] === b.split(' ')[0];
}

/**
 * A label that is one word printed letter by letter ("J U M L A H", "T O T A L") joined back; any
 * other text is kept (a long name spaced letter by letter has lost its word gaps, and is matched by
 * its letters instead, see `lettersSimilarity`).
 */
export function joinSpacedWord(s: string): string {
  const t = s.trim();
  return /^\p{L}(?: \p{L}){2,11}$/u.test(t) ? t.replace(/ /g, '') : s;
}

/** Text set with gaps inside its words ("Pe ny edi aa n", "Kegi atan Pem berd ayaa n"). */
export function letterSpaced(s: string): boolean {
  const words = s.split(' ').filter(Boolean);
  if (words.length < 4) return false;
  if (words.filter((w) => w.length <= 3).length / words.length > 0.5) return true;
  const lengths = words.map((w) => w.length).sort((a, b) => a - b);
  return words.length >= 6 && lengths[Math.floor(lengths.length / 2)]! <= 4;
}

/** Dice coefficient of two strings' letter pairs (0..1). */
export function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return 0;
  const grams = (s: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let inter = 0;
  for (const [g, n] of ga) inter += Math.min(n, gb.get(g) ?? 0);
  return (2 * inter) / (a.length - 1 + b.length - 1);
}

/** Assigns cluster keys: names similar enough to an earlier one share its key. */
export class KeyRegistry {
  private readonly keys: Array<{ norm: string; key: string; spelling: Spelling; spaced: boolean; tokens: ReadonlySet<string>; head: string }> = [];
  /** Same name seen again (common: one indicator printed in many tables) is answered at once. */
  private readonly memo = new Map<string, string>();
  /** Per table, the keys its rows took and the name that took each. */
  private readonly usedIn = new Map<string, Map<string, string>>();

  constructor(private readonly scope = '') {}

  /**
   * @param sameHead require the first significant word to agree ("Pengadaan …" is not
   *   "Pemeliharaan …" however alike the rest is).
   * @param within the table the name is a row of: two differently named rows of one table are two
   *   things, so a key another row of it took under another name is not offered (a clipped
   *   "Pelatihan Keluarga Ta…" and the "… Tanggap Bencana Rumah Tangga" below it stay apart).
   */
  keyFor(name: string, threshold = 0.6, sameHead = false, within?: string): string {
    const norm = normalizeName(name);
    const memoKey = `${threshold}|${sameHead}|${norm}`;
    const taken = within === undefined ? undefined : (this.usedIn.get(within) ?? this.usedIn.set(within, new Map()).get(within)!);
    const memo = this.memo.get(memoKey);
    const key = memo !== undefined && (taken?.get(memo) ?? norm) === norm ? memo : this.lookup(norm, threshold, sameHead, spellingOf(name), taken);
    this.memo.set(memoKey, key);
    if (taken && !taken.has(key)) taken.set(key, norm);
    return key;
  }

  private lookup(norm: string, threshold: number, sameHead: boolean, spelling: Spelling, taken: ReadonlyMap<string, string> | undefined): string {
    let best: { key: string; score: number } | undefined;
    const spaced = letterSpaced(norm);
    const tokens = tokensOf(norm);
    const head = norm.split(' ')[0]!;
    for (const k of this.keys) {
      if ((taken?.get(k.key) ?? norm) !== norm) continue;
      if (sameHead && (spaced || k.spaced ? !sameHeadWord(k.norm, norm) : k.head !== head) && tokenSimilarity(k.tokens, tokens) < 0.95) continue;
      // Letter-spaced text cannot be normalised word by word: its letters are compared whole. Budget
      // names differ by one meaningful word ("… Dokumen RKA" / "… Dokumen Perubahan RKA"): there no
      // credit for one name containing the other.
      const s = k.norm === norm ? 1 : spaced || k.spaced ? lettersSimilarity(k.spelling, spelling) : tokenSimilarity(k.tokens, tokens, !sameHead);
      if (s >= threshold && (!best || s > best.score)) best = { key: k.key, score: s };
    }
    if (best) return best.key;
    const key = this.scope + (norm.split(' ').slice(0, 8).join('-') || 'unnamed');
    const unique = this.keys.some((k) => k.key === key) ? `${key}-${this.keys.length}` : key;
    this.keys.push({ norm, key: unique, spelling, spaced, tokens, head });
    return unique;
  }
}
