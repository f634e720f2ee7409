import { div, scale } from '../../numbers/index.js';
import type { BudgetRow, Report } from '../../model/index.js';
import { judgeMean, meanFormula } from '../means.js';
import { childRows, totalRows } from '../sums.js';
import type { Check, CheckContext, FindingDraft } from '../types.js';
import { amount, firstMisread, fmt, halfUnit, judge, measure, shown, type Num } from '../util.js';

/**
 * % serapan vs realisasi / pagu × 100. Realisasi above pagu printed with its serapan over 100% is
 * the report stating the overrun: fine as long as the percentage matches. Pagu and realisasi printed
 * without decimals are exact rupiah; only the percentage carries rounding.
 *
 * A belanja line (operasi, modal, …) whose realisasi stated in prose exceeds the pagu stated for it
 * is a warning: a jenis belanja is not spent beyond its appropriation, the prose prints no serapan
 * that would show the overrun is meant, and nothing near it says the budget was shifted or exceeded
 * (`overrun`), so one of the two figures is probably mistyped.
 *
 * A program's, kegiatan's or total's % must be Σrealisasi / Σpagu, its own realisasi over its own
 * pagu; one that is instead the plain mean of its rows' printed percentages is reported saying so
 * (`meanOfPercent`).
 */
const serapan: Check = {
  id: 'serapan',
  meta: {
    title: { id: 'Persentase serapan anggaran', en: 'Budget absorption percentage' },
    docs: '% serapan vs realisasi / pagu × 100, rupiah exact, the percentage at its printed precision (a program or total % printed as the mean of its rows\' percentages is named as such); a belanja line realised above its pagu in prose with nothing saying so (warning)',
    defaultSeverity: 'error',
    tags: ['budget', 'formula'],
  },
  messages: {
    mismatch: {
      id: '{uraian}: % serapan tercetak {printed} tetapi realisasi/pagu = {expected}% ({formula})',
      en: '{uraian}: printed absorption {printed} but realisasi/pagu = {expected}% ({formula})',
    },
    meanOfPercent: {
      id: '{uraian}: % serapan tercetak {printed} adalah rata-rata % dari {n} {rows} di bawahnya ({meanFormula}), padahal % {level} harus Σrealisasi/Σpagu = {expected}% ({formula})',
      en: '{uraian}: printed absorption {printed} is the mean of the percentages of its {n} {rows} ({meanFormula}), but a {level} % must be Σrealisasi/Σpagu = {expected}% ({formula})',
    },
    overPagu: {
      id: '{uraian}: realisasi {realisasi} melebihi pagu {pagu} (serapan {serapan}%), tanpa keterangan pergeseran atau kelebihan anggaran',
      en: '{uraian}: realisasi {realisasi} exceeds its pagu {pagu} (absorption {serapan}%), with nothing saying the budget was shifted or exceeded',
    },
    scanMisread: {
      id: '{uraian}: % serapan tercetak {printed} tetapi realisasi/pagu = {expected}% ({formula}){note}',
      en: '{uraian}: printed absorption {printed} but realisasi/pagu = {expected}% ({formula}){note}',
    },
    rounding: {
      id: '{uraian}: % serapan tercetak {printed} hanya cocok dengan realisasi/pagu = {expected}% bila dipotong, bukan dibulatkan ({formula})',
      en: '{uraian}: printed absorption {printed} matches realisasi/pagu = {expected}% only if truncated rather than rounded ({formula})',
    },
  },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    const partsOf = rowsSummed(report.budget);
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
      const mean = j.verdict === 'mismatch' ? meanOfRows(q, partsOf(row)) : null;
      // A pagu or realisasi read from a scan that the row's % (and sisa) put elsewhere: the reading's doubt.
      const sisaV = amount(row.sisa)?.value;
      const note = !mean && j.verdict === 'mismatch' && q.value !== 0
        ? firstMisread([
            [row.pagu, sisaV !== undefined ? x.value + sisaV : (x.value * 100) / q.value, { id: 'pagu', en: 'pagu' }],
            [row.realisasi, sisaV !== undefined ? p.value - sisaV : (q.value * p.value) / 100, { id: 'realisasi', en: 'realisasi' }],
          ])
        : null;
      out.push({
        messageId: mean ? 'meanOfPercent' : note ? 'scanMisread' : j.verdict === 'rounding' ? 'rounding' : 'mismatch',
        severity: note ? 'info' : j.verdict === 'rounding' ? 'rounding' : undefined,
        subject: `budget:${row.key}`,
        data: { uraian: row.uraian, printed: row.persen.text, expected: shown(j.value, q), formula, ...(note ? { note } : {}), ...(mean ? { ...mean, level: LEVEL[row.level] ?? LEVEL.total! } : {}) },
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

const LEVEL: Partial<Record<BudgetRow['level'], { id: string; en: string }>> = {
  program: { id: 'program', en: 'program' },
  kegiatan: { id: 'kegiatan', en: 'kegiatan' },
  subtotal: { id: 'subtotal', en: 'subtotal' },
  total: { id: 'total', en: 'total' },
};

const ROWS: Partial<Record<BudgetRow['level'], { id: string; en: string }>> = {
  program: { id: 'kegiatan', en: 'kegiatan (activities)' },
  kegiatan: { id: 'sub kegiatan', en: 'sub-kegiatan (sub-activities)' },
};

/** The rows a row's figures stand for: a total's rows, a program's kegiatan, a kegiatan's sub-kegiatan. */
function rowsSummed(budget: readonly BudgetRow[]): (row: BudgetRow) => { rows: BudgetRow[]; label: { id: string; en: string } } {
  const ofTotal = totalRows(budget);
  const ofParent = childRows(budget);
  return (row) => {
    if ((row.level === 'total' || row.level === 'subtotal') && !row.scope) return { rows: ofTotal(row), label: { id: 'baris', en: 'rows' } };
    return { rows: ofParent(row), label: ROWS[row.level] ?? { id: 'baris', en: 'rows' } };
  };
}

/**
 * When a printed % is the plain mean of the printed % of the rows it stands for (two or more, each
 * printing one), what to say about it; null otherwise.
 */
function meanOfRows(q: Num, parts: { rows: BudgetRow[]; label: { id: string; en: string } }): { n: number; rows: { id: string; en: string }; meanFormula: string } | null {
  const figures = parts.rows.map((r) => measure(r.persen));
  if (figures.length < 2 || figures.some((f) => f === null)) return null;
  const nums = figures as Num[];
  const j = judgeMean(q, nums);
  return j && j.verdict === 'ok' ? { n: nums.length, rows: parts.label, meanFormula: meanFormula(nums) } : null;
}

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
