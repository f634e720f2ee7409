import { div, scale } from '../../numbers/index.js';
import type { Report } from '../../model/index.js';
import type { Check, CheckContext, FindingDraft } from '../types.js';
import { amount, fmt, halfUnit, judge, measure, shown } from '../util.js';

/**
 * % serapan vs realisasi / pagu × 100. Realisasi above pagu printed with its serapan over 100% is
 * the report stating the overrun: fine as long as the percentage matches. Pagu and realisasi printed
 * without decimals are exact rupiah; only the percentage carries rounding.
 *
 * A belanja line (operasi, modal, …) whose realisasi stated in prose exceeds the pagu stated for it
 * is a warning: a jenis belanja is not spent beyond its appropriation, the prose prints no serapan
 * that would show the overrun is meant, and nothing near it says the budget was shifted or exceeded
 * (`overrun`), so one of the two figures is probably mistyped.
 */
const serapan: Check = {
  id: 'serapan',
  meta: {
    title: { id: 'Persentase serapan anggaran', en: 'Budget absorption percentage' },
    docs: '% serapan vs realisasi / pagu × 100, rupiah exact, the percentage at its printed precision; a belanja line realised above its pagu in prose with nothing saying so (warning)',
    defaultSeverity: 'error',
    tags: ['budget', 'formula'],
  },
  messages: {
    mismatch: {
      id: '{uraian}: % serapan tercetak {printed} tetapi realisasi/pagu = {expected}% ({formula})',
      en: '{uraian}: printed absorption {printed} but realisasi/pagu = {expected}% ({formula})',
    },
    overPagu: {
      id: '{uraian}: realisasi {realisasi} melebihi pagu {pagu} (serapan {serapan}%), tanpa keterangan pergeseran atau kelebihan anggaran',
      en: '{uraian}: realisasi {realisasi} exceeds its pagu {pagu} (absorption {serapan}%), with nothing saying the budget was shifted or exceeded',
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
    out.push(...overPagu(report, ctx));
    return out;
  },
};

/** Belanja lines stated in prose whose realisasi exceeds their pagu, the overrun unexplained. */
function overPagu(report: Report, ctx: CheckContext): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const row of report.belanja) {
    const p = amount(row.amount);
    const x = amount(row.realisasi);
    if (!p || !x || !row.realisasi || row.overrun || p.value <= 0) continue;
    // Above the pagu even at the printed precision (rupiah without decimals are exact).
    if (x.value - halfUnit(x) <= p.value + halfUnit(p)) continue;
    const pct = (x.value / p.value) * 100;
    const serapan = shown(pct, { value: pct, decimals: 2 });
    const formula = `realisasi ≤ pagu: ${fmt(x)} > ${fmt(p)}; ${fmt(x)} / ${fmt(p)} × 100 = ${serapan.id}%`;
    out.push({
      messageId: 'overPagu',
      severity: 'warning',
      subject: `belanja:${row.group}:${row.kind}`,
      data: { uraian: row.uraian, realisasi: row.realisasi.text, pagu: row.amount.text, serapan },
      printed: { text: row.realisasi.text, value: x.value },
      expected: { value: p.value, interval: null, formula, operands: [ctx.operand('realisasi', row.realisasi), ctx.operand('pagu', row.amount)] },
      citations: [ctx.cite(row.realisasi.cite)],
    });
  }
  return out;
}

export default serapan;
