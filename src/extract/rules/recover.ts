/**
 * An amount a scan lost, given back by its row. A budget row prints pagu, realisasi, % and sisa, and
 * these are tied twice over: sisa = pagu − realisasi and % = realisasi / pagu × 100. When the scan
 * leaves the pagu (or the realisasi) unreadable under a stamp, the other two amounts give one value
 * for it, and the printed % either agrees with that value or does not. Only when it agrees, to the
 * printed %'s own rounding or truncation, is the value taken: two printed figures read independently
 * name the same number. Without a % (or for the sisa, which no % fixes), the scan's own reading of
 * the cell must hold the value's last five digits. It stays marked as read through the scan's noise (findings citing it are
 * information), with the way it was found in its citation.
 */
import { contains, printedInterval, truncationInterval } from '../../numbers/interval.js';
import type { Value } from '../../model/report.js';

export interface RowFigures {
  pagu: Value | null;
  realisasi: Value | null;
  persen: Value | null;
  sisa: Value | null;
}

export interface Recovered {
  field: 'pagu' | 'realisasi' | 'sisa';
  value: number;
  /** How the value was found, for the citation. */
  how: string;
}

function agrees(persen: Value, realisasi: number, pagu: number): boolean {
  if (persen.value === null || !(pagu > 0)) return false;
  const share = (realisasi / pagu) * 100;
  return contains(printedInterval(persen.value, persen.decimals), share) || contains(truncationInterval(persen.value, persen.decimals), share);
}

/** How many of a value's last digits must be read in its cell for its row's arithmetic to give it back. */
const SHARED_DIGITS = 5;

/**
 * Whether the digits the scan read in a cell hold the last digits of a value (separators and marks
 * aside): "O 4 79600.046,-" holds the 600046 of 43.600.046. Five or more digits in order agree by
 * chance about once in 100,000 readings.
 */
export function digitsAgree(read: string, value: number): boolean {
  const want = String(Math.round(Math.abs(value)));
  if (want.length < SHARED_DIGITS) return false;
  return read.replace(/\D/g, '').includes(want.slice(-SHARED_DIGITS));
}

/**
 * The unread pagu or realisasi of a scanned budget row that sisa and % both fix, or null.
 *
 * @example
 *   // realisasi 178.819.303, sisa 44.886.997, % 79,93, pagu unreadable under a stamp:
 *   recoverUnread(row, ['pagu']); // { field: 'pagu', value: 223706300, how: 'realisasi + sisa, as the printed % (79,93) gives' }
 */
export function recoverUnread(row: RowFigures, unread: readonly string[], read: Partial<Record<'pagu' | 'realisasi' | 'sisa', string>> = {}): Recovered | null {
  const { pagu, realisasi, persen, sisa } = row;
  // An unread amount the other two fix through sisa = pagu − realisasi, whose cell the scan read
  // the value's last digits in: the arithmetic and the scan agree.
  const byDigits = (field: 'pagu' | 'realisasi' | 'sisa', value: number, how: string): Recovered | null =>
    unread.includes(field) && read[field] !== undefined && digitsAgree(read[field]!, value) ? { field, value, how: `${how}, as the digits read in its cell (${read[field]!.trim()}) end` } : null;
  if (pagu?.value != null && realisasi?.value != null && !sisa) {
    const got = byDigits('sisa', pagu.value - realisasi.value, 'pagu − realisasi');
    if (got) return got;
  }
  if (!persen || persen.value === null || !sisa || sisa.value === null) {
    if (sisa?.value != null && realisasi?.value != null && !pagu) return byDigits('pagu', realisasi.value + sisa.value, 'realisasi + sisa');
    if (sisa?.value != null && pagu?.value != null && !realisasi) return byDigits('realisasi', pagu.value - sisa.value, 'pagu − sisa');
    return null;
  }
  if (!pagu && unread.includes('pagu') && realisasi?.value != null) {
    const value = realisasi.value + sisa.value;
    if (agrees(persen, realisasi.value, value)) return { field: 'pagu', value, how: `realisasi + sisa, as the printed % (${persen.text}) gives` };
  }
  if (!realisasi && unread.includes('realisasi') && pagu?.value != null) {
    const value = pagu.value - sisa.value;
    if (value >= 0 && agrees(persen, value, pagu.value)) return { field: 'realisasi', value, how: `pagu − sisa, as the printed % (${persen.text}) gives` };
  }
  return null;
}
