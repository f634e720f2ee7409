/**
 * An amount a scan lost, given back by its row. A budget row prints pagu, realisasi, % and sisa, and
 * these are tied twice over: sisa = pagu − realisasi and % = realisasi / pagu × 100. When the scan
 * leaves the pagu (or the realisasi) unreadable under a stamp, the other two amounts give one value
 * for it, and the printed % either agrees with that value or does not. Only when it agrees, to the
 * printed %'s own rounding or truncation, is the value taken: two printed figures read independently
 * name the same number. It stays marked as read through the scan's noise (findings citing it are
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
  field: 'pagu' | 'realisasi';
  value: number;
  /** How the value was found, for the citation. */
  how: string;
}

function agrees(persen: Value, realisasi: number, pagu: number): boolean {
  if (persen.value === null || !(pagu > 0)) return false;
  const share = (realisasi / pagu) * 100;
  return contains(printedInterval(persen.value, persen.decimals), share) || contains(truncationInterval(persen.value, persen.decimals), share);
}

/**
 * The unread pagu or realisasi of a scanned budget row that sisa and % both fix, or null.
 *
 * @example
 *   // realisasi 178.819.303, sisa 44.886.997, % 79,93, pagu unreadable under a stamp:
 *   recoverUnread(row, ['pagu']); // { field: 'pagu', value: 223706300, how: 'realisasi + sisa, as the printed % (79,93) gives' }
 */
export function recoverUnread(row: RowFigures, unread: readonly string[]): Recovered | null {
  const { pagu, realisasi, persen, sisa } = row;
  if (!persen || persen.value === null || !sisa || sisa.value === null) return null;
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
