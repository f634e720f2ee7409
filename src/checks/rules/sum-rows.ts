import { compareMean, MEAN_MESSAGES } from '../means.js';
import { compareSum, SUM_MESSAGES, totalRows } from '../sums.js';
import type { Check, FindingDraft } from '../types.js';

/**
 * TOTAL / JUMLAH / subtotal rows vs the sum of their rows. The rows are the total's `sumOf` when the
 * extraction knows them; otherwise the rows of the same table above it, back to the previous total
 * (for a subtotal, back to the previous subtotal or total). Rows keep extraction order, so a total
 * whose rows run over a page break still sees all of them. Within that span only the top level is
 * added (programs, not also their kegiatan), and subtotals replace the rows they sum.
 *
 * A "Rata-rata" row under a performance table is a mean, not a sum: its printed figure vs the mean of
 * the printed figures of its column in the rows it stands for (report.averages).
 */
const sumRows: Check = {
  id: 'sum-rows',
  meta: {
    title: { id: 'Jumlah baris', en: 'Row totals' },
    docs: 'TOTAL/JUMLAH/subtotal rows vs the sum of their rows (sumOf, else the rows above back to the previous total) for pagu, realisasi, sisa and the next-year forecast (prakiraan maju), rupiah exact; Rata-rata rows vs the mean of the printed capaian above them, each a rounded measurement',
    defaultSeverity: 'error',
    tags: ['budget', 'sum'],
  },
  messages: { ...SUM_MESSAGES, ...MEAN_MESSAGES },
  run(report, ctx) {
    const out: FindingDraft[] = [];
    const rowsOf = totalRows(report.budget);
    for (const row of report.budget) {
      // A heading total (urusan, tujuan, sasaran) groups rows by what they serve, not by position.
      if ((row.level !== 'total' && row.level !== 'subtotal') || row.scope) continue;
      out.push(...compareSum(row, rowsOf(row), ctx, { id: 'baris', en: 'rows' }, report.budget));
    }
    for (const avg of report.averages ?? []) {
      const f = compareMean(avg, report, ctx);
      if (f) out.push(f);
    }
    return out;
  },
};

export default sumRows;
