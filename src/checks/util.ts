/**
 * Helpers shared by the rules: tolerance judgement at printed precision (domain.md §5), number
 * formatting for messages, label normalisation and the default predicate scale.
 */
import type { Citation, Indicator, Report, ScaleBand, Value } from '../model/index.js';
import { formatId, formatUs, overlaps, point, printedInterval, truncationInterval, type Interval } from '../numbers/index.js';
import type { Bilingual } from './types.js';

/** A printed number as the tolerance rules see it. `exact`: rupiah printed without decimals. */
export interface Num {
  value: number;
  decimals: number;
  exact?: boolean;
}

/** How an operand's printed value is widened: as rounded, as truncated, or not at all. */
export type Widen = (n: Num) => Interval;

export const asRounded: Widen = (n) => (n.exact ? point(n.value) : printedInterval(n.value, n.decimals));
export const asTruncated: Widen = (n) => (n.exact ? point(n.value) : truncationInterval(n.value, n.decimals));
export const asPoint: Widen = (n) => point(n.value);

/**
 * A measured Value as a Num, or null when nothing parseable was printed.
 *
 * @example
 *   measure({ text: '92,08', value: 92.08, decimals: 2, … }) // { value: 92.08, decimals: 2 }
 */
export function measure(v: Value | null | undefined): Num | null {
  if (!v || v.value === null || !Number.isFinite(v.value)) return null;
  return { value: v.value, decimals: v.decimals };
}

/**
 * A rupiah amount: exact when printed without decimals (domain.md §5: rupiah with d = 0 must match
 * exactly), otherwise ± half a unit of the last printed digit like any other value.
 *
 * @example
 *   amount({ text: '1.357.900.300', value: 1357900300, decimals: 0, … }) // { value: 1357900300, decimals: 0, exact: true }
 */
export function amount(v: Value | null | undefined): Num | null {
  const n = measure(v);
  return n ? { ...n, exact: n.decimals === 0 } : null;
}

export type Verdict = 'ok' | 'rounding' | 'mismatch';

export interface Judgement {
  verdict: Verdict;
  /** The recomputed interval with operands taken as rounded. */
  interval: [number, number];
  /** The recomputed value from the printed operands taken at face value. */
  value: number;
}

/**
 * Compares a printed result with a formula over printed operands. `compute` receives a widening
 * function and returns the formula's interval (or null when it cannot be computed, e.g. division
 * by an interval containing 0). No finding when the intervals overlap; "rounding" when they only
 * overlap once truncation of the result or of the operands is allowed; otherwise "mismatch".
 *
 * @example
 *   judge({ value: 126, decimals: 0 }, (w) => scaleBy(div(w(real), w(target)), 100))
 *   // { verdict: 'ok', value: 126.137, interval: [125.96…, 126.31…] } for 92,08 / 73
 */
export function judge(printed: Num, compute: (widen: Widen) => Interval | null): Judgement | null {
  const rounded = compute(asRounded);
  const exact = compute(asPoint);
  if (!rounded || !exact) return null;
  const value = (exact.lo + exact.hi) / 2;
  if (!Number.isFinite(value) || !Number.isFinite(rounded.lo) || !Number.isFinite(rounded.hi)) return null;
  const interval: [number, number] = [rounded.lo, rounded.hi];
  if (overlaps(asRounded(printed), rounded)) return { verdict: 'ok', interval, value };
  const truncated = compute(asTruncated);
  const printedTrunc = asTruncated(printed);
  const byTruncation =
    overlaps(printedTrunc, rounded) || (truncated !== null && (overlaps(printedTrunc, truncated) || overlaps(asRounded(printed), truncated)));
  return { verdict: byTruncation ? 'rounding' : 'mismatch', interval, value };
}

/**
 * A number for a message in both conventions.
 *
 * @example
 *   num(126.137, 2) // { id: '126,14', en: '126.14' }
 */
export function num(value: number, decimals: number): Bilingual {
  return { id: formatId(value, decimals), en: formatUs(value, decimals) };
}

/** Decimals to show a recomputed value with so that it visibly differs from the printed one. */
function shownDecimals(expected: number, printed: Num | null, min = 2): number {
  let d = Math.max(min, printed?.decimals ?? 0);
  while (printed && d < 6 && Number(expected.toFixed(d)) === printed.value) d++;
  return d;
}

/**
 * A recomputed value for a message: at least two decimals, more when needed to differ visibly from
 * the printed figure (rupiah go through `rupiah()` instead).
 *
 * @example
 *   shown(126.137, { value: 126, decimals: 0 }) // { id: '126,14', en: '126.14' }
 */
export function shown(expected: number, printed: Num | null): Bilingual {
  return num(expected, shownDecimals(expected, printed));
}

/** Printed figure in Indonesian style for formula strings (`51,85 / 69 × 100`). */
export function fmt(n: Num): string {
  return formatId(n.value, n.decimals);
}

/** Rupiah amount for messages: `Rp 1.357.900.300` / `Rp 1,357,900,300`. */
export function rupiah(value: number): Bilingual {
  const d = Math.abs(value % 1) < 1e-9 ? 0 : 2;
  return { id: `Rp ${formatId(value, d)}`, en: `Rp ${formatUs(value, d)}` };
}

/** Case-, space- and punctuation-insensitive form of a label (`Sangat  Tinggi` → `sangattinggi`). */
export function normLabel(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Permendagri 86/2017 scale, used when the report prints none. */
export const DEFAULT_SCALE_NAME = 'Permendagri 86/2017';
export const DEFAULT_BANDS: readonly ScaleBand[] = [
  { label: 'Sangat Tinggi', min: 91, max: null },
  { label: 'Tinggi', min: 76, max: 90 },
  { label: 'Sedang', min: 66, max: 75 },
  { label: 'Rendah', min: 51, max: 65 },
  { label: 'Sangat Rendah', min: null, max: 50 },
];

/** The formula a report declares for indicators of a polarity (claims of kind 'formula'). */
export function declaredFormula(report: Report, polarity: Indicator['polarity']): 'ratio' | 'inverse' | 'two-minus' | null {
  for (const c of report.claims) if (c.kind === 'formula' && c.polarity === polarity) return c.formula;
  return null;
}

/** Stable sort key of a citation: page, table, row, column. */
export function citeKey(c: Citation): string {
  const pad = (n: number | null | undefined): string => (n === null || n === undefined ? '-----' : String(n).padStart(5, '0'));
  return `${pad(c.page)}|${c.table ?? ''}|${pad(c.row)}|${pad(c.column)}|${c.cell ?? ''}`;
}

/**
 * Where a value is, for messages: its table's caption and page (`Tabel 3.1 … (hal. 14)`), or, for a
 * table without a caption, the table on that page — never the extraction's own table id.
 */
export function place(c: Citation, caption?: string | null): Bilingual {
  const name = caption ?? c.caption ?? null;
  if (name) return { id: `${name} (hal. ${c.page})`, en: `${name} (p. ${c.page})` };
  return c.table ? { id: `tabel hal. ${c.page}`, en: `the table on p. ${c.page}` } : { id: `hal. ${c.page}`, en: `p. ${c.page}` };
}

/** Subject key of an indicator finding. */
export function indicatorSubject(ind: Indicator): string {
  return `indicator:${ind.key}`;
}

/** Digits after the decimal point of a plain number (`90.5` → 1). */
export function decimalsOf(x: number): number {
  const s = String(x);
  if (s.includes('e')) return 0;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** A plain number (a band bound, a range target) in Indonesian style with its own decimals. */
export function fmtPlain(x: number): string {
  return formatId(x, decimalsOf(x));
}

/** Half a unit of the last printed digit, 0 for exact amounts: how far the true value can be. */
export function halfUnit(n: Num): number {
  return n.exact ? 0 : 0.5 * 10 ** -n.decimals;
}

/** Code-unit string order, the same on every machine (localeCompare depends on the ICU locale). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether a figure read from a scan looks like a misreading of the value the other printed figures
 * of its row give it: ten times or more apart (digits lost or added), or the same digits with one or
 * two lost at an end ("8,7" read for 38,7). A typed figure is never so judged: on a text page the
 * printed figure is the report's.
 *
 * @example
 *   misreadInScan({ text: '91.500', value: 91500, decimals: 0, unit: 'rupiah', ocr: true, cite }, 247201500); // true
 *   misreadInScan({ text: '8,7', value: 8.7, decimals: 1, unit: 'number', ocr: true, cite }, 38.70); // true
 */
export function misreadInScan(read: Value | null | undefined, implied: number): boolean {
  if (!read?.ocr || read.value === null || !Number.isFinite(implied) || implied <= 0 || read.value <= 0) return false;
  const ratio = implied / read.value;
  if (ratio >= 9.5 || ratio <= 1 / 9.5) return true;
  const d = Math.max(0, Math.min(read.decimals, 6));
  const digits = (v: number) => String(Math.round(v * 10 ** d));
  const [r, i] = [digits(read.value), digits(implied)];
  const lost = i.length - r.length;
  return lost >= 1 && lost <= 2 && (i.startsWith(r) || i.endsWith(r));
}

/** The message said after a finding whose operand `misreadInScan` doubts. */
export function misreadNote(name: Bilingual, read: Value, implied: number): Bilingual {
  const v = { id: formatId(implied, read.decimals), en: formatUs(implied, read.decimals) };
  return {
    id: ` — ${name.id} ${read.text} dibaca dari pindaian, padahal angka lain barisnya memberinya ${v.id}: kemungkinan salah baca (digit hilang atau bertambah); periksa pindaian`,
    en: ` — the ${name.en} ${read.text} was read from the scan, while the row's other figures give it ${v.en}: probably a misreading (digits lost or added); check the scan`,
  };
}

/** The note for the first operand `misreadInScan` doubts, given each with the value the row implies and its name; null when none. */
export function firstMisread(operands: ReadonlyArray<readonly [Value | null | undefined, number, Bilingual]>): Bilingual | null {
  for (const [read, implied, name] of operands) if (read && misreadInScan(read, implied)) return misreadNote(name, read, implied);
  return null;
}

/**
 * Below this OCR confidence (0..100) the engine itself rates a reading of the scan more likely wrong
 * than right: a discrepancy resting on it may be the scan's, not the report's.
 */
export const LOW_OCR_CONFIDENCE = 50;
