import { sub } from '../../numbers/index.js';
import type { Check, FindingDraft } from '../types.js';
import { amount, firstMisread, fmt, halfUnit, judge, measure, rupiah } from '../util.js';

/**
 * Sisa vs pagu − realisasi, exact for rupiah printed without decimals. A sisa printed without its
 * minus sign when realisasi exceeds pagu is a presentation slip, reported as a warning.
 */
const sisa: Check = {
  id: 'sisa',
  meta: {
    title: { id: 'Sisa anggaran', en: 'Remaining budget' },
    docs: 'sisa vs pagu − realisasi, exact for rupiah (a sign-only difference is a warning)',
    defaultSeverity: 'error',
    tags: ['budget', 'formula'],
  },
  messages: {
    mismatch: {
      id: '{uraian}: sisa tercetak {printed} tetapi pagu − realisasi = {expected} ({formula}); selisih {diff}',
      en: '{uraian}: printed sisa {printed} but pagu − realisasi = {expected} ({formula}); difference {diff}',
    },
    sign: {
      id: '{uraian}: sisa tercetak {printed} tetapi pagu − realisasi = {expected} ({formula}); tanda minus hilang atau berlebih',
      en: '{uraian}: printed sisa {printed} but pagu − realisasi = {expected} ({formula}); the minus sign is missing or extra',
    },
    scanMisread: {
      id: '{uraian}: sisa tercetak {printed} tetapi pagu − realisasi = {expected} ({formula}){note}',
      en: '{uraian}: printed sisa {printed} but pagu − realisasi = {expected} ({formula}){note}',
    },
    rounding: {
      id: '{uraian}: sisa tercetak {printed} hanya cocok dengan pagu − realisasi = {expected} bila dipotong ({formula})',
      en: '{uraian}: printed sisa {printed} matches pagu − realisasi = {expected} only if truncated ({formula})',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    for (const row of report.budget) {
      const p = amount(row.pagu);
      const x = amount(row.realisasi);
      const s = amount(row.sisa);
      if (!p || !x || !s || !row.pagu || !row.realisasi || !row.sisa) continue;
      const j = judge(s, (w) => sub(w(p), w(x)));
      if (!j || j.verdict === 'ok') continue;
      const formula = `${fmt(p)} − ${fmt(x)}`;
      const flipped = judge({ ...s, value: -s.value }, (w) => sub(w(p), w(x)));
      const signOnly = j.verdict === 'mismatch' && s.value !== 0 && flipped?.verdict === 'ok';
      const e = s.value - (p.value - x.value);
      const tolerance = halfUnit(p) + halfUnit(x) + halfUnit(s);
      // A figure read from a scan that the row's other figures (the % among them) put elsewhere.
      const q = measure(row.persen)?.value;
      const note = !signOnly && j.verdict === 'mismatch'
        ? firstMisread([
            [row.pagu, x.value + s.value, { id: 'pagu', en: 'pagu' }],
            [row.realisasi, p.value - s.value, { id: 'realisasi', en: 'realisasi' }],
            [row.sisa, p.value - x.value, { id: 'sisa', en: 'sisa' }],
          ].filter(([v]) => v !== row.sisa || q === undefined || Math.abs((x.value / p.value) * 100 - q) <= 0.5) as Array<[typeof row.pagu, number, { id: string; en: string }]>)
        : null;
      out.push({
        messageId: note ? 'scanMisread' : signOnly ? 'sign' : j.verdict === 'rounding' ? 'rounding' : 'mismatch',
        severity: note ? 'info' : signOnly ? 'warning' : j.verdict === 'rounding' ? 'rounding' : undefined,
        subject: `budget:${row.key}`,
        data: { uraian: row.uraian, printed: row.sisa.text, expected: rupiah(j.value), formula, diff: rupiah(e), ...(note ? { note } : {}) },
        printed: { text: row.sisa.text, value: s.value },
        expected: { value: j.value, interval: j.interval, formula, operands: [ctx.operand('pagu', row.pagu), ctx.operand('realisasi', row.realisasi)] },
        citations: [ctx.cite(row.sisa.cite)],
        // Any of the three printed amounts can be the typo; a sign slip explains nothing in a total.
        links: signOnly
          ? undefined
          : {
              explains: [
                { row: row.id, quantity: 'sisa', delta: e, tolerance },
                { row: row.id, quantity: 'pagu', delta: -e, tolerance },
                { row: row.id, quantity: 'realisasi', delta: e, tolerance },
              ],
            },
      });
    }
    return out;
  },
};

export default sisa;
