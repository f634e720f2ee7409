import { parseWords, point, printedInterval, overlaps } from '../../numbers/index.js';
import type { Bilingual, Check, FindingDraft } from '../types.js';
import { decimalsOf, measure, num, rupiah } from '../util.js';

/**
 * An amount in words (terbilang) vs the digits printed with it. Words are exact; digits printed with
 * decimals stand for their rounding interval, digits without decimals must match exactly.
 */
const terbilang: Check = {
  id: 'terbilang',
  meta: {
    title: { id: 'Terbilang', en: 'Amount in words' },
    docs: 'amount in words (terbilang) vs the digits printed with it, exact; unreadable words are a warning',
    defaultSeverity: 'error',
    tags: ['prose', 'amount'],
  },
  messages: {
    mismatch: {
      id: 'Angka {printed} tidak sama dengan terbilangnya "{words}" = {expected}; selisih {diff}',
      en: 'The figure {printed} differs from its words "{words}" = {expected}; difference {diff}',
    },
    unparseable: {
      id: 'Terbilang "{words}" untuk {printed} tidak dapat dibaca sebagai satu jumlah ({reason}); periksa ejaannya',
      en: 'The words "{words}" for {printed} do not read as one amount ({reason}); check the spelling',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    for (const claim of report.claims) {
      if (claim.kind !== 'terbilang') continue;
      const digits = measure(claim.digits);
      if (!digits) continue;
      const isRupiah = claim.digits.unit === 'rupiah' || /rp|idr/i.test(claim.digits.text) || /rupiah/i.test(claim.words);
      // The words are what is checked (against the figure beside them), so they are the printed
      // value; the same words with the same figure printed again (summary and body) are one finding.
      const base = {
        subject: `terbilang:${claim.words.toLowerCase().replace(/\s+/g, ' ').trim()}|${digits.value}`,
        printed: { text: claim.words, value: claim.wordsValue },
        citations: [ctx.cite(claim.cite), ctx.cite(claim.digits.cite)],
      };
      const wordsOperand = { name: 'terbilang', text: claim.words, value: claim.wordsValue, cite: ctx.cite(claim.cite) };
      const digitsOperand = { name: 'angka', text: claim.digits.text, value: digits.value, cite: ctx.cite(claim.digits.cite) };
      if (claim.wordsValue === null) {
        const parsed = parseWords(claim.words);
        const words = parsed.unparsed?.length ? `"${parsed.unparsed.join(' ')}"` : '';
        // The parser explains itself in English; the Indonesian message names the words instead.
        const reason = {
          id: parsed.reason === 'unknown words' ? `kata tidak dikenal: ${words}` : words ? `${words} tidak pada tempatnya` : 'susunan kata bilangannya tidak lazim',
          en: [parsed.reason, words].filter(Boolean).join(': ') || '-',
        };
        out.push({
          ...base,
          messageId: 'unparseable',
          severity: 'warning',
          data: { words: claim.words, printed: claim.digits.text, reason },
          expected: { value: digits.value, interval: null, formula: `terbilang ${claim.digits.text}`, operands: [digitsOperand, wordsOperand] },
        });
        continue;
      }
      const words = claim.wordsValue;
      const digitsInterval = digits.decimals === 0 ? point(digits.value) : printedInterval(digits.value, digits.decimals);
      if (overlaps(digitsInterval, point(words))) continue;
      const d = Math.min(6, Math.max(digits.decimals, decimalsOf(words)));
      const show = (x: number): Bilingual => (isRupiah ? rupiah(x) : num(x, d));
      out.push({
        ...base,
        messageId: 'mismatch',
        data: { printed: claim.digits.text, words: claim.words, expected: show(words), diff: show(digits.value - words) },
        expected: { value: digits.value, interval: [digitsInterval.lo, digitsInterval.hi], formula: `terbilang ${claim.digits.text}`, operands: [digitsOperand, wordsOperand] },
      });
    }
    return out;
  },
};

export default terbilang;
