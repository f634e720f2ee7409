import { parseWords } from '../../numbers/index.js';

/**
 * Counts stated in prose, in the shapes Indonesian reports use: digits, digits with the number in
 * words in brackets, words alone, words with digits in brackets ("5 (lima) program", "tujuh
 * kegiatan", "sebanyak 12 kegiatan", "program sebanyak 5 (lima)", "dua puluh sub kegiatan"), and
 * revision counts ("mengalami 2 (dua) kali perubahan", "perubahan sebanyak dua kali"). The number
 * words are the closed class of Indonesian numerals, read by the terbilang parser.
 */
export type CountEntity = 'program' | 'kegiatan' | 'sub_kegiatan' | 'indikator' | 'sasaran' | 'tujuan';

export interface StatedCount {
  entity: CountEntity | 'perubahan_pk';
  count: number;
  /** The number in words as printed, when there is one. */
  words: string | null;
  start: number;
  end: number;
}

const NUMERAL = String.raw`(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|puluh|belas|ratus)`;
/** A count: digits (words in brackets optional), or words (digits in brackets optional). */
const NUM = String.raw`(?:(?<![\d.,\-–/]|\btabel\s+\S*)(\d{1,3})(?![\d.,]\d)(?:\s*\(\s*([a-z ]+?)\s*\))?|\b(${NUMERAL}(?:\s+${NUMERAL})*)\b(?:\s*\(\s*(\d{1,3})\s*\))?)`;
const ENTITY = String.raw`(sub\s*-?\s*kegiatan|kegiatan|program|indikator(?:\s+kinerja)?|sasaran(?:\s+strategis)?|tujuan)`;
const QUANT = String.raw`(?:sebanyak|sejumlah|berjumlah)`;
const BEFORE = new RegExp(String.raw`(?:${QUANT}\s+)?${NUM}\s+${ENTITY}\b`, 'gi');
const AFTER = new RegExp(String.raw`\b${ENTITY}\s+${QUANT}\s+${NUM}`, 'gi');
const REVISIONS = new RegExp(String.raw`${NUM}\s+kali\b`, 'gi');

function entityOf(s: string): CountEntity {
  const e = s.toLowerCase().replace(/\s*-?\s*/g, '');
  if (e === 'subkegiatan') return 'sub_kegiatan';
  if (e.startsWith('indikator')) return 'indikator';
  if (e.startsWith('sasaran')) return 'sasaran';
  return e as CountEntity;
}

/** The number a matched count stands for, and its words; null when digits and words are not both numbers. */
function numberOf(digits: string | undefined, words: string | undefined, words2: string | undefined, digits2: string | undefined): { count: number; words: string | null } | null {
  if (digits) {
    if (words && parseWords(words).value === null) return null;
    return { count: Number(digits), words: words?.trim() ?? null };
  }
  const w = words2?.trim();
  if (!w) return null;
  const v = parseWords(w).value;
  if (v === null || !Number.isInteger(v)) return null;
  // Words with digits in brackets: the digits are the count, the words are checked against them.
  return { count: digits2 ? Number(digits2) : v, words: w };
}

/**
 * The counts a text states, with where each is printed.
 *
 * @example
 *   countsIn('melaksanakan 5 (lima) program, sebanyak 12 kegiatan dan dua puluh sub kegiatan');
 *   // [{ entity: 'program', count: 5, words: 'lima' }, { entity: 'kegiatan', count: 12 }, { entity: 'sub_kegiatan', count: 20, words: 'dua puluh' }]
 */
export function countsIn(text: string): StatedCount[] {
  const out: StatedCount[] = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number): boolean => taken.every(([x, y]) => b <= x || a >= y);
  for (const m of text.matchAll(BEFORE)) {
    const n = numberOf(m[1], m[2], m[3], m[4]);
    if (!n || !free(m.index!, m.index! + m[0].length)) continue;
    out.push({ entity: entityOf(m[5]!), ...n, start: m.index!, end: m.index! + m[0].length });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  for (const m of text.matchAll(AFTER)) {
    const n = numberOf(m[2], m[3], m[4], m[5]);
    if (!n || !free(m.index!, m.index! + m[0].length)) continue;
    out.push({ entity: entityOf(m[1]!), ...n, start: m.index!, end: m.index! + m[0].length });
    taken.push([m.index!, m.index! + m[0].length]);
  }
  // Revisions: a sentence about the Perjanjian Kinerja and its changes, with "N kali".
  for (const sentence of sentencesWithOffsets(text)) {
    if (!/perjanjian\s+kinerja|\bPK\b/i.test(sentence.text) || !/perubahan|diubah|revisi/i.test(sentence.text)) continue;
    for (const m of sentence.text.matchAll(REVISIONS)) {
      const n = numberOf(m[1], m[2], m[3], m[4]);
      if (!n) continue;
      out.push({ entity: 'perubahan_pk', ...n, start: sentence.start + m.index!, end: sentence.start + m.index! + m[0].length });
      break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function sentencesWithOffsets(text: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  const re = /[^.!?]+(?:[.!?](?!\d)|$)/g;
  for (const m of text.matchAll(re)) out.push({ text: m[0], start: m.index! });
  return out;
}
