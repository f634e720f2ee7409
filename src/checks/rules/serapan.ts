import { div, scale } from '../../numbers/index.js';
import type { Check, FindingDraft } from '../types.js';
import { amount, fmt, halfUnit, judge, measure, shown } from '../util.js';

/**
 * % serapan vs realisasi / pagu × 100. Realisasi above pagu is legal (serapan over 100%) as long as
 * the percentage matches. Pagu and realisasi printed without decimals are exact rupiah; only the
 * percentage carries rounding.
 */
const serapan: Check = {
  id: 'serapan',
  meta: {
    title: { id: 'Persentase serapan anggaran', en: 'Budget absorption percentage' },
    docs: '% serapan vs realisasi / pagu × 100, rupiah exact, the percentage at its printed precision',
    defaultSeverity: 'error',
    tags: ['budget', 'formula'],
  },
  messages: {
    mismatch: {
      id: '{uraian}: % serapan tercetak {printed} tetapi realisasi/pagu = {expected}% ({formula})',
      en: '{uraian}: printed absorption {printed} but realisasi/pagu = {expected}% ({formula})',
    },
    rounding: {
      id: '{uraian}: % serapan tercetak {printed} hanya cocok dengan realisasi/pagu = {expected}% bila dipotong, bukan dibulatkan ({formula})',
      en: '{uraian}: printed absorption {printed} matches realisasi/pagu = {expected}% only if truncated rather than rounded ({formula})',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    for (const row of report.budget) {
      const p = amount(row.pagu);
      const x = amount(row.realisasi);
      const q = measure(row.persen);
      if (!p || !x || !q || !row.pagu || !row.realisasi || !row.persen || p.value === 0) continue;
      const j = judge(q, (w) => {
        const r = div(w(x), w(p));
        return r && scale(r, 100);
      });
      if (!j || j.verdict === 'ok') continue;
      const formula = `${fmt(x)} / ${fmt(p)} × 100`;
      // Which printed amount would make the percentage right: the row's own typo explains a total.
      const qTol = halfUnit(q);
      const explains = [{ row: row.id, quantity: 'realisasi', delta: x.value - (q.value * p.value) / 100, tolerance: (p.value * qTol) / 100 }];
      if (q.value !== 0) {
        explains.push({ row: row.id, quantity: 'pagu', delta: p.value - (x.value * 100) / q.value, tolerance: (x.value * 100 * qTol) / (q.value * q.value) });
      }
      out.push({
        messageId: j.verdict === 'rounding' ? 'rounding' : 'mismatch',
        severity: j.verdict === 'rounding' ? 'rounding' : undefined,
        subject: `budget:${row.key}`,
        data: { uraian: row.uraian, printed: row.persen.text, expected: shown(j.value, q), formula },
        printed: { text: row.persen.text, value: q.value },
        expected: { value: j.value, interval: j.interval, formula, operands: [ctx.operand('realisasi', row.realisasi), ctx.operand('pagu', row.pagu)] },
        citations: [ctx.cite(row.persen.cite)],
        links: { explains },
      });
    }
    return out;
  },
};

export default serapan;
