/**
 * Figures written in questions and answers, read in every way their separators allow, so
 * "1.234,5" (Indonesian) and "1,234.5" (US) are the same figure and "98,5" equals "98,50".
 */

/** A number as written: digits with `.`/`,` separators, an optional `%`. */
export const FIGURE_TOKEN = /\d+(?:[.,]\d+)*(?:\s?%)?/g;

/**
 * The values a printed number can stand for: one when its separators decide, two when it is
 * `1.234`-shaped (thousands or decimals).
 *
 * @example
 *   readings('1.234.567,5'); // [1234567.5]
 *   readings('1,234.5');     // [1234.5]
 *   readings('1.234');       // [1234, 1.234]
 *   readings('98,5%');       // [98.5]
 */
export function readings(token: string): number[] {
  const t = token.replace(/\s?%$/, '').replace(/^[.,]+|[.,]+$/g, '');
  if (!/^\d+(?:[.,]\d+)*$/.test(t)) return [];
  const dots = (t.match(/\./g) ?? []).length;
  const commas = (t.match(/,/g) ?? []).length;
  const num = (s: string) => Number(s);
  if (!dots && !commas) return [num(t)];
  if (dots && commas) {
    const decimal = t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    return [num(t.split(group).join('').replace(decimal, '.'))];
  }
  const sep = dots ? '.' : ',';
  const parts = t.split(sep);
  if (parts.length > 2) return [num(parts.join(''))];
  const grouped = num(parts.join(''));
  const decimal = num(`${parts[0]}.${parts[1]}`);
  return parts[1]!.length === 3 ? [grouped, decimal] : [decimal];
}

/**
 * True when two printed numbers can be the same figure: some reading of each agrees, to the
 * precision of the less precise one (so "105,7" matches "105,73" only when `loose`).
 *
 * @example
 *   sameFigure('1.234.567', '1,234,567'); // true
 *   sameFigure('98,5', '98.50 %');        // true
 */
export function sameFigure(a: string, b: string, loose = false): boolean {
  const ra = readings(a);
  const rb = readings(b);
  const da = decimalsOf(a);
  const db = decimalsOf(b);
  const d = Math.min(da, db);
  for (const x of ra) {
    for (const y of rb) {
      if (Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x))) return true;
      if (loose && Math.abs(round(x, d) - round(y, d)) <= 1e-9 * Math.max(1, Math.abs(x))) return true;
    }
  }
  return false;
}

/** True when a value equals one reading of a printed number. */
export function figureIs(token: string, value: number): boolean {
  return readings(token).some((x) => Math.abs(x - value) <= 1e-9 * Math.max(1, Math.abs(x)));
}

/** Decimal places written after the last separator when it is a decimal mark (0 for grouped numbers). */
function decimalsOf(token: string): number {
  const t = token.replace(/\s?%$/, '');
  const m = /[.,](\d+)$/.exec(t);
  if (!m) return 0;
  const sepCount = (t.match(/[.,]/g) ?? []).length;
  if (m[1]!.length === 3 && sepCount >= 1 && !/[.,]\d+[.,]\d{3}$/.test(t) && sepCount === 1) return 0;
  return m[1]!.length === 3 && sepCount > 1 && new Set(t.match(/[.,]/g)).size === 1 ? 0 : m[1]!.length;
}

function round(x: number, d: number): number {
  const k = 10 ** d;
  return Math.round(x * k) / k;
}

/**
 * Figures in a text, without years, small counts and list numbers: what an answer or a question
 * states as a figure.
 *
 * @example
 *   figuresIn('Capaian 2023 adalah 105,73% (hal. 8)'); // ['105,73%']
 */
export function figuresIn(text: string): string[] {
  return (text.match(FIGURE_TOKEN) ?? []).map((t) => t.trim()).filter((t) => isFigure(t));
}

/** A figure rather than a year, page or small count: has separators or a %, or is large and not a year. */
export function isFigure(token: string): boolean {
  if (/%$/.test(token)) return true;
  if (/[.,]/.test(token)) return true;
  const n = Number(token);
  if (n >= 1900 && n <= 2100) return false;
  return n > 100;
}
